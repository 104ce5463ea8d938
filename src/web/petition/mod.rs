//! Public petition pages, the page cache behind them, sharing, and the public list of names.
pub mod cache;
pub mod public;
pub mod share;
pub mod signers;
