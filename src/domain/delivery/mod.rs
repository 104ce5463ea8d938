//! Addressees and delivery (issue 17). A petition names whom it is addressed to
//! (`addressees`); its organiser delivers it when they choose, or it is delivered once, on its
//! own, when its count reaches the goal or a chosen count (`settings`, `milestones`). A
//! delivery (`deliver`) mails each addressee with an address a link to the delivery's page
//! (`page`): the text, the count, the signatures per day, the names signers agreed to show,
//! and the delivery file (CSV, and a page to print). Automatic deliveries are made by the count
//! batch (`deliver::run_due`), never in a signer's request.
pub mod addressees;
pub mod deliver;
pub mod milestones;
pub mod page;
pub mod settings;
