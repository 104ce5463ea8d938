//! The public side of moderation: the report form every petition page links to, and what a
//! visitor gets for a petition withheld from the public (see `withheld`).
pub mod report;
pub mod withheld;

pub fn routes() -> Vec<rocket::Route> {
    report::routes()
}
