//! Withdrawing a signature: a withdrawal link opens a landing page, whose button withdraws (mail
//! scanners open links, so opening one changes nothing). What the links are is
//! `domain::signature::withdrawal`'s.
use rocket::http::Status;
use rocket::{get, post, routes};

use crate::App;
use crate::domain::DomainError;
use crate::domain::ids::PetitionId;
use crate::domain::signature::withdrawal::{self, Landing, Withdrawn};
use crate::web::context::{AppState, Ctx};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;
use crate::web::petition::public::themed;

pub fn routes() -> Vec<rocket::Route> {
    routes![landing_page, withdraw]
}

/// `lang`: a language the visitor chose on the page; else a signature's own link answers in
/// the language its signer signed in.
#[get("/withdraw/<token>?<lang>")]
async fn landing_page(app: &AppState, ctx: &Ctx, token: &str, lang: Option<&str>) -> WebResult<Page> {
    let landing = withdrawal::landing(&app.db, &app.withdraw_key, token).await.map_err(unknown)?;
    let mut extra = tera::Context::new();
    extra.insert("done", &false);
    extra.insert("action", &action(app, token, lang));
    match landing {
        Landing::Signature { petition, email, locale } => {
            extra.insert("kind", "signature");
            extra.insert("email", &email);
            render(app, &in_language(app, ctx, &locale, lang), petition, extra).await
        }
        // The same page whether the link still matches something or not.
        Landing::Pending { petition } => {
            extra.insert("kind", "pending");
            render(app, ctx, petition, extra).await
        }
    }
}

#[post("/withdraw/<token>?<lang>", data = "<_form>")]
async fn withdraw(
    app: &AppState,
    ctx: &Ctx,
    token: &str,
    lang: Option<&str>,
    _form: CsrfForm<TokenOnly>,
) -> WebResult<Page> {
    let done = withdrawal::withdraw(&app.db, &app.withdraw_key, token).await.map_err(unknown)?;
    let mut extra = tera::Context::new();
    extra.insert("done", &true);
    match done {
        Withdrawn::Signature { petition, locale, counted } => {
            // The count was recomputed with the erasure: the public page shows it at once.
            if counted {
                app.petitions.forget(petition);
            }
            extra.insert("kind", "signature");
            render(app, &in_language(app, ctx, &locale, lang), petition, extra).await
        }
        Withdrawn::Pending { petition } => {
            extra.insert("kind", "pending");
            render(app, ctx, petition, extra).await
        }
    }
}

/// A token this instance did not make, or a signature's link whose signature is gone: a page
/// that says so, whatever the reason.
fn unknown(e: DomainError) -> WebError {
    match e {
        DomainError::NotFound => WebError::new(Status::NotFound, "withdraw-unknown"),
        e => e.into(),
    }
}

/// Where the button posts: the same link, with the language chosen on the page if any.
fn action(app: &App, token: &str, lang: Option<&str>) -> String {
    match lang.and_then(|code| app.i18n.supported(code)) {
        Some(code) => format!("{}?lang={code}", withdrawal::path(token)),
        None => withdrawal::path(token),
    }
}

/// The page in the signer's language, unless the visitor chose one.
fn in_language(app: &App, ctx: &Ctx, signer: &str, chosen: Option<&str>) -> Ctx {
    let mut ctx = ctx.clone();
    if chosen.and_then(|code| app.i18n.supported(code)).is_none()
        && let Some(code) = app.i18n.supported(signer)
    {
        ctx.lang = code.to_string();
    }
    ctx
}

/// In the petition's theme; a petition no longer public (withheld, back to draft) is not shown,
/// and its signers can still withdraw.
async fn render(app: &App, ctx: &Ctx, petition: PetitionId, mut extra: tera::Context) -> WebResult<Page> {
    match app.petitions.by_id(&app.db, petition).await {
        Ok(shown) => {
            extra.insert("petition_shown", &true);
            themed(app, ctx, &shown.petition, "withdraw.html", extra)
        }
        Err(DomainError::NotFound) => {
            extra.insert("petition_shown", &false);
            ctx.page(app, "withdraw.html", extra)
        }
        Err(e) => Err(e.into()),
    }
}
