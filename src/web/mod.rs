//! Rocket routes in folders by subject (as in `domain/`), the per-request context, CSRF, errors
//! and headers. Handlers are thin: parse, ask the permission service, call `domain`, respond.
use rocket::http::Status;
use rocket::{Build, Request, Rocket, catch, catchers};

pub mod account;
pub mod admin;
pub mod assets;
pub mod challenge;
pub mod chart;
pub mod client;
pub mod context;
pub mod csrf;
pub mod dashboard;
pub mod delivery;
pub mod demo_banner;
pub mod error;
pub mod guest;
pub mod health;
pub mod limits;
pub mod mail_wake;
pub mod moderation;
pub mod organisation;
pub mod page;
pub mod params;
pub mod petition;
pub mod privacy;
pub mod security;
pub mod shed;
pub mod signature;

use page::Page;
use rocket::Either;
use rocket::response::Redirect;

/// Pages that need a signed-in user send anonymous visitors to the login page, then back.
#[catch(401)]
fn sign_in_first(req: &Request<'_>) -> Redirect {
    sign_in_redirect(req.uri())
}

/// To the login page, then back to the page asked for.
pub fn sign_in_redirect(uri: &rocket::http::uri::Origin<'_>) -> Redirect {
    let next = uri.to_string();
    Redirect::to(format!("/login?next={}", rocket::http::RawStr::new(&next).percent_encode()))
}

#[catch(default)]
fn any_error(status: Status, req: &Request<'_>) -> Either<Page, Redirect> {
    // Rocket answers 422 when a route parameter does not parse (`/p/abc` for a `PetitionId`).
    // Our own form errors never reach a catcher, so a 422 here means "no such page".
    let status = if status == Status::UnprocessableEntity { Status::NotFound } else { status };
    Either::Left(error::render(req, status, None))
}

/// Mounts every route, the static files, the catchers and the fairings.
pub fn mount(rocket: Rocket<Build>, headers: security::SecurityHeaders) -> Rocket<Build> {
    rocket
        .mount("/", petition::public::routes())
        .mount("/", health::routes())
        .mount("/", shed::routes())
        .mount("/", petition::share::routes())
        .mount("/", petition::signers::routes())
        .mount("/", privacy::routes())
        .mount("/", signature::sign::routes())
        .mount("/", signature::confirm::routes())
        .mount("/", signature::withdraw::routes())
        .mount("/", signature::unsubscribe::routes())
        .mount("/", moderation::routes())
        .mount("/", signature::portal::routes())
        .mount("/", assets::routes())
        .mount("/", account::login::routes())
        .mount("/", account::register::routes())
        .mount("/", account::settings::routes())
        .mount("/", admin::routes())
        .mount("/", organisation::routes())
        .mount("/", dashboard::routes())
        .mount("/", guest::routes())
        .mount("/", delivery::routes())
        .register("/", catchers![any_error, sign_in_first])
        .attach(headers)
        .attach(security::RequestLog)
        .attach(mail_wake::WakeMail)
        .attach(petition::cache::Forget)
}
