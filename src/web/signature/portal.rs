//! "My signatures" (`/my-signatures`): the form that mails a signer their link, the page the link
//! opens (their signatures on this instance), and what they can do there: withdraw one or all,
//! change newsletter consent, download everything stored about them. The rules are
//! `domain::signature::portal`'s; holding the link is the proof, as for a confirmation link.
use rocket::http::{ContentType, Header, Status};
use rocket::response::{self, Redirect, Responder};
use rocket::{FromForm, Request, get, post, routes};

use crate::App;
use crate::domain::ids::SignatureId;
use crate::domain::signature::portal::{self, Opened};
use crate::domain::signature::portal_export;
use crate::domain::{DomainError, FieldErrors, now};
use crate::web::account::register::notice;
use crate::web::client::Client;
use crate::web::context::{AppState, Ctx, Visit, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::limits::{PublicForm, Verdict};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![ask_page, ask, list, export_json, withdraw_one, withdraw_all_page, withdraw_all, newsletter]
}

fn ask_form(app: &App, ctx: &Ctx, email: &str, errors: &FieldErrors) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("valid_minutes", &portal::LINK_VALID_FOR.num_minutes());
    ctx.form_page(app, "my_signatures/ask.html", extra, &serde_json::json!({ "email": email }), errors)
}

#[get("/my-signatures")]
fn ask_page(app: &AppState, ctx: &Ctx) -> WebResult<Page> {
    ask_form(app, ctx, "", &FieldErrors::new())
}

#[derive(FromForm)]
struct AskForm {
    #[field(default = String::new())]
    email: String,
}

/// The same answer whether or not the address signed anything, and whether or not a mail went.
#[post("/my-signatures", data = "<form>")]
async fn ask(app: &AppState, ctx: &Ctx, client: Client, form: CsrfForm<AskForm>) -> WebResult<Page> {
    if app.limits.public_form(&client.0, PublicForm::MySignatures) == Verdict::Challenge {
        return Err(WebError::new(Status::TooManyRequests, "error-rate-limited"));
    }
    let email = form.0.email;
    match portal::request_link(&app.db, &email, &ctx.lang, now(), &app.composer).await {
        Ok(()) => notice(app, ctx, "portal-asked-title", "portal-asked-message", None),
        Err(DomainError::Invalid(errors)) => {
            Ok(ask_form(app, ctx, &email, &errors)?.with_status(Status::UnprocessableEntity))
        }
        Err(e) => Err(e.into()),
    }
}

/// A link past its hour (410) or one this instance does not know (404), with the way to a new one.
fn link_gone(app: &App, ctx: &Ctx, status: Status) -> WebResult<Page> {
    let message = if status == Status::Gone { "portal-expired-message" } else { "portal-unknown-message" };
    let page = notice(app, ctx, "portal-link-gone-title", message, Some(("/my-signatures", "portal-ask-again")))?;
    Ok(page.with_status(status))
}

/// The page for what a link opened, or its "gone" page.
fn or_gone<T>(
    app: &App,
    ctx: &Ctx,
    opened: Result<Opened<T>, DomainError>,
    then: impl FnOnce(T) -> WebResult<Page>,
) -> WebResult<Page> {
    match opened {
        Ok(Opened::Valid(value)) => then(value),
        Ok(Opened::Expired) => link_gone(app, ctx, Status::Gone),
        Err(DomainError::NotFound) => link_gone(app, ctx, Status::NotFound),
        Err(e) => Err(e.into()),
    }
}

#[get("/my-signatures/<token>")]
async fn list(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    let opened = portal::open(&app.db, token, now()).await;
    or_gone(app, ctx, opened, |portal| {
        let mut extra = tera::Context::new();
        extra.insert("portal", &portal);
        extra.insert("base", &portal::path(token));
        extra.insert("max_listed", &portal::MAX_LISTED);
        ctx.page(app, "my_signatures/list.html", extra)
    })
}

/// A JSON file to save, kept out of caches: it holds personal data.
struct JsonFile(String);

impl<'r> Responder<'r, 'static> for JsonFile {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let mut res = self.0.respond_to(req)?;
        res.set_header(ContentType::JSON);
        res.set_header(Header::new("Content-Disposition", "attachment; filename=\"my-signatures.json\""));
        res.set_header(Header::new("Cache-Control", "no-store"));
        Ok(res)
    }
}

#[get("/my-signatures/<token>/export.json")]
async fn export_json(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Result<JsonFile, Page>> {
    let public_url = &app.composer.public_url;
    match portal_export::export(&app.db, token, now(), public_url).await {
        Ok(Opened::Valid(mut export)) => {
            export.left_out = app.i18n.tr(&ctx.lang, "portal-export-left-out", None);
            let json = serde_json::to_string_pretty(&export).map_err(|e| WebError::internal(e.to_string()))?;
            Ok(Ok(JsonFile(json)))
        }
        Ok(Opened::Expired) => Ok(Err(link_gone(app, ctx, Status::Gone)?)),
        Err(DomainError::NotFound) => Ok(Err(link_gone(app, ctx, Status::NotFound)?)),
        Err(e) => Err(e.into()),
    }
}

/// Back to the list, with `message` on it; or the "gone" page.
fn back<T>(
    v: &Visit<'_>,
    token: &str,
    opened: Result<Opened<T>, DomainError>,
    message: &str,
) -> WebResult<Result<Redirect, Page>> {
    match opened {
        Ok(Opened::Valid(_)) => {
            flash(v.jar, "success", message);
            Ok(Ok(Redirect::to(portal::path(token))))
        }
        Ok(Opened::Expired) => Ok(Err(link_gone(v.app, v.ctx, Status::Gone)?)),
        Err(DomainError::NotFound) => Err(WebError::not_found()),
        Err(e) => Err(e.into()),
    }
}

#[post("/my-signatures/<token>/withdraw/<id>", data = "<_form>")]
async fn withdraw_one(
    v: Visit<'_>,
    token: &str,
    id: SignatureId,
    _form: CsrfForm<TokenOnly>,
) -> WebResult<Result<Redirect, Page>> {
    let done = portal::withdraw(&v.app.db, token, id, now()).await;
    back(&v, token, done, "flash-portal-withdrawn")
}

/// Withdrawing everything asks once more, on a page of its own (no script needed).
#[get("/my-signatures/<token>/withdraw-all")]
async fn withdraw_all_page(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    let opened = portal::open(&app.db, token, now()).await;
    or_gone(app, ctx, opened, |portal| {
        let mut extra = tera::Context::new();
        extra.insert("total", &portal.total);
        extra.insert("base", &portal::path(token));
        ctx.page(app, "my_signatures/withdraw_all.html", extra)
    })
}

#[post("/my-signatures/<token>/withdraw-all", data = "<_form>")]
async fn withdraw_all(v: Visit<'_>, token: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Result<Redirect, Page>> {
    let done = portal::withdraw_all(&v.app.db, token, now()).await;
    back(&v, token, done, "flash-portal-withdrawn-all")
}

#[derive(FromForm)]
struct NewsletterForm {
    /// The checkbox: absent when unticked.
    #[field(default = false)]
    newsletter: bool,
}

#[post("/my-signatures/<token>/newsletter/<id>", data = "<form>")]
async fn newsletter(
    v: Visit<'_>,
    token: &str,
    id: SignatureId,
    form: CsrfForm<NewsletterForm>,
) -> WebResult<Result<Redirect, Page>> {
    let done = portal::set_newsletter(&v.app.db, token, id, form.0.newsletter, now()).await;
    back(&v, token, done, "flash-portal-newsletter-saved")
}
