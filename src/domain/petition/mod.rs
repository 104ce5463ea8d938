//! A petition as its organisers make it: content and its sections, the wizard, editing and
//! status, permalinks, templates, translations, the image, sharing, the dashboard's list and statistics.
pub mod colour;
pub mod content;
pub mod dashboard;
pub mod editing;
pub mod images;
pub mod permalinks;
pub mod petitions;
pub mod sections;
pub mod sharing;
pub mod stats;
pub mod summary;
pub mod templates;
pub mod translations;
pub mod wizard;
