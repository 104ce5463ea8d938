//! Rocket routes grouped by audience, the per-request context, CSRF, errors and headers.
//! Handlers are thin: parse, call `domain`, respond.
use rocket::fs::FileServer;
use rocket::http::Status;
use rocket::{Build, Request, Rocket, catch, catchers};

pub mod context;
pub mod csrf;
pub mod error;
pub mod page;
pub mod params;
pub mod public;
pub mod security;

use page::Page;

#[catch(default)]
fn any_error(status: Status, req: &Request<'_>) -> Page {
    // Rocket answers 422 when a route parameter does not parse (`/p/abc` for a `PetitionId`).
    // Our own form errors never reach a catcher, so a 422 here means "no such page".
    let status = if status == Status::UnprocessableEntity { Status::NotFound } else { status };
    error::render(req, status, None)
}

/// Mounts every route, the static files, the catchers and the fairings.
pub fn mount(rocket: Rocket<Build>, static_dir: &std::path::Path, headers: security::SecurityHeaders) -> Rocket<Build> {
    rocket
        .mount("/", public::routes())
        .mount("/static", FileServer::from(static_dir))
        .register("/", catchers![any_error])
        .attach(headers)
        .attach(security::RequestLog)
}
