//! Organisations, their members and flags, and invitations to join them.
pub mod invitations;
pub mod organisations;
