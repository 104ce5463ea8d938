//! Organisations, their members and flags, invitations to join them, and their public profile.
pub mod invitations;
pub mod organisations;
pub mod profile;
