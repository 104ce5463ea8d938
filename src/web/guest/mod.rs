//! `/new`: a petition without an account (issue 17). The visitor gives an email address; the
//! mailed link verifies it and opens the petition's wizard through its management link, which
//! the browser keeps in a cookie (`context::GUEST_COOKIE`) and which makes the dashboard's own
//! pages of that one petition work for its guest identity (`context::Signed`). `manage` holds
//! the management page: revoking the links, attaching the petition to an account.
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::domain::guest::{self, Start};
use crate::domain::{DomainError, FieldErrors, now, permissions};
use crate::web::account::register::{action_page, notice};
use crate::web::client::Client;
use crate::web::context::{Ctx, GUEST_COOKIE, Visit};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::limits::{PublicForm, Verdict};
use crate::web::page::Page;

mod manage;

pub fn routes() -> Vec<rocket::Route> {
    let mut all = routes![new_page, start, verify_page, verify, resend];
    all.extend(manage::routes());
    all
}

/// While the instance turns petitions without an account off, `/new` says so (404).
fn allowed(app: &App) -> WebResult<permissions::Allowed<permissions::StartGuestPetition, ()>> {
    permissions::start_guest(&app.instance.get())
        .map_err(|_| WebError::new(Status::NotFound, "error-guest-petitions-off"))
}

#[derive(FromForm, Default)]
struct AddressForm {
    #[field(default = String::new())]
    email: String,
    /// The honeypot: people leave it empty.
    #[field(default = String::new())]
    website: String,
}

/// The page with both forms: starting (`email`) and asking for the links again (`guest_address`).
fn new_form(app: &App, ctx: &Ctx, form: serde_json::Value, errors: &FieldErrors) -> WebResult<Page> {
    ctx.form_page(app, "guest/new.html", tera::Context::new(), &form, errors)
}

#[derive(FromForm, Default)]
struct LinksForm {
    #[field(default = String::new())]
    guest_address: String,
}

/// Signed in, a visitor starts from the dashboard's wizard.
#[get("/new")]
fn new_page(v: Visit<'_>) -> WebResult<Result<Page, Redirect>> {
    let Visit { app, ctx, .. } = v;
    if ctx.user.is_some() {
        return Ok(Err(Redirect::to("/dashboard/new")));
    }
    allowed(app)?;
    Ok(Ok(new_form(app, ctx, serde_json::json!({}), &FieldErrors::new())?))
}

fn too_many() -> WebError {
    WebError::new(Status::TooManyRequests, "error-rate-limited")
}

#[post("/new", data = "<form>")]
async fn start(v: Visit<'_>, client: Client, form: CsrfForm<AddressForm>) -> WebResult<Page> {
    let Visit { app, ctx, .. } = v;
    let can = allowed(app)?;
    if app.limits.public_form(&client.0, PublicForm::GuestPetition) == Verdict::Challenge {
        return Err(too_many());
    }
    let form = form.0;
    let done = || notice(app, ctx, "guest-sent-title", "guest-sent-message", None);
    // A robot filled the hidden field: it is told what people are told, and nothing is made.
    if !form.website.is_empty() {
        return done();
    }
    let input =
        Start { email: form.email.clone(), lang: ctx.lang.clone(), theme: app.instance.get().default_theme.clone() };
    match guest::start(&app.db, &can, &input, &app.composer, now()).await {
        Ok(()) => done(),
        Err(DomainError::Invalid(errors)) => {
            let sent = serde_json::json!({ "email": form.email });
            Ok(new_form(app, ctx, sent, &errors)?.with_status(Status::UnprocessableEntity))
        }
        Err(e) => Err(e.into()),
    }
}

/// The same answer whether or not the address started a petition.
#[post("/new/links", data = "<form>")]
async fn resend(v: Visit<'_>, client: Client, form: CsrfForm<LinksForm>) -> WebResult<Page> {
    let Visit { app, ctx, .. } = v;
    if app.limits.public_form(&client.0, PublicForm::GuestPetition) == Verdict::Challenge {
        return Err(too_many());
    }
    let form = form.0;
    match guest::links::resend(&app.db, &form.guest_address, &ctx.lang, &app.composer, now()).await {
        Ok(()) => notice(app, ctx, "guest-resent-title", "guest-resent-message", None),
        Err(DomainError::Invalid(errors)) => {
            // The domain names the address `email`; on this page it is the second form's field.
            let errors: FieldErrors = errors.values().map(|m| ("guest_address", *m)).take(1).collect();
            let sent = serde_json::json!({ "guest_address": form.guest_address });
            Ok(new_form(app, ctx, sent, &errors)?.with_status(Status::UnprocessableEntity))
        }
        Err(e) => Err(e.into()),
    }
}

/// The mailed link opens a page whose button verifies (mail scanners open links too).
#[get("/new/verify/<token>")]
fn verify_page(v: Visit<'_>, token: &str) -> WebResult<Page> {
    let Visit { app, ctx, .. } = v;
    action_page(app, ctx, ["guest-verify-title", "guest-verify-explain", "guest-verify-button"], &verify_path(token))
}

fn verify_path(token: &str) -> String {
    format!("/new/verify/{}", rocket::http::RawStr::new(token).percent_encode())
}

#[post("/new/verify/<token>", data = "<_form>")]
async fn verify(v: Visit<'_>, token: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Result<Redirect, Page>> {
    let Visit { app, ctx, jar } = v;
    match guest::verify(&app.db, token, &app.composer, now()).await {
        Ok(verified) => {
            keep_link(ctx, jar, verified.token);
            crate::web::context::flash(jar, "success", "flash-guest-verified");
            Ok(Ok(Redirect::to(format!("/dashboard/petitions/{}/wizard/start", verified.petition))))
        }
        Err(DomainError::Refused(message)) => {
            let link = Some(("/new", "guest-verify-again"));
            Ok(Err(notice(app, ctx, "guest-verify-title", message, link)?.with_status(Status::NotFound)))
        }
        Err(e) => Err(e.into()),
    }
}

/// The browser keeps the management link, as it keeps a session.
pub(super) fn keep_link(ctx: &Ctx, jar: &CookieJar<'_>, token: String) {
    jar.add(
        Cookie::build((GUEST_COOKIE, token))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(ctx.secure_cookies())
            .max_age(rocket::time::Duration::days(30))
            .build(),
    );
}

/// Forgets the management link in this browser.
pub(super) fn forget_link(jar: &CookieJar<'_>) {
    jar.remove(Cookie::build(GUEST_COOKIE).path("/"));
}
