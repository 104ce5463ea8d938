//! A signer's path after the petition page: signing, thanks, confirming, withdrawing.
pub mod confirm;
pub mod portal;
pub mod sign;
pub mod unsubscribe;
pub mod withdraw;
