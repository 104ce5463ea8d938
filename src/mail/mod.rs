//! Outgoing mail: the `mail_queue` table is the queue, a worker task drains it through a
//! transport (SMTP, or `.eml` files for a fresh install), and `compose` writes the messages.
pub mod batch;
pub mod compose;
pub mod delivery;
pub mod queue;
mod smtp;
pub mod throttle;
pub mod transport;
mod updates;
pub mod worker;
