//! Public petition pages, the page cache behind them, and sharing.
pub mod cache;
pub mod public;
pub mod share;
