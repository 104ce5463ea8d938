//! Instance administration (admins only): the mail queue.
pub mod mail;
