//! A signer's "no more updates": the link of every update mail opens a page whose button
//! POSTs (opening a link changes nothing), and the mail's `List-Unsubscribe` header names an
//! address the signer's mail program POSTs to (RFC 8058 one-click). What the links are is
//! `domain::signer_updates::unsubscribe`'s.
use rocket::http::Status;
use rocket::{get, post, routes};

use crate::App;
use crate::domain::DomainError;
use crate::domain::ids::PetitionId;
use crate::domain::signer_updates::unsubscribe;
use crate::web::context::{AppState, Ctx};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![landing_page, unsubscribe_button, one_click]
}

#[get("/unsubscribe/<token>")]
async fn landing_page(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    let found = unsubscribe::peek(&app.db, &app.withdraw_key, token).await.map_err(unknown)?;
    let mut extra = tera::Context::new();
    extra.insert("done", &!found.subscribed);
    extra.insert("action", &unsubscribe::path(token));
    render(app, ctx, found.petition, extra).await
}

#[post("/unsubscribe/<token>", data = "<_form>")]
async fn unsubscribe_button(app: &AppState, ctx: &Ctx, token: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Page> {
    unsubscribed(app, ctx, token).await
}

/// RFC 8058: the mail program POSTs `List-Unsubscribe=One-Click`, with no cookie and no page
/// before, so there is no CSRF token to check: the unguessable token in the address is the
/// authority, and all it can do is stop this signer's updates. The body is not read.
#[post("/unsubscribe/<token>/one-click")]
async fn one_click(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    unsubscribed(app, ctx, token).await
}

async fn unsubscribed(app: &App, ctx: &Ctx, token: &str) -> WebResult<Page> {
    let petition = unsubscribe::unsubscribe(&app.db, &app.withdraw_key, token).await.map_err(unknown)?;
    let mut extra = tera::Context::new();
    extra.insert("done", &true);
    render(app, ctx, petition, extra).await
}

fn unknown(e: DomainError) -> WebError {
    match e {
        DomainError::NotFound => WebError::new(Status::NotFound, "unsubscribe-unknown"),
        e => e.into(),
    }
}

/// With the petition's title when it is still public.
async fn render(app: &App, ctx: &Ctx, petition: PetitionId, mut extra: tera::Context) -> WebResult<Page> {
    match app.petitions.by_id(&app.db, petition).await {
        Ok(shown) => extra.insert("petition", &shown.petition),
        Err(DomainError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    ctx.page(app, "unsubscribe.html", extra)
}
