//! A signer's path after the petition page: signing, thanks, confirming.
pub mod confirm;
pub mod portal;
pub mod sign;
