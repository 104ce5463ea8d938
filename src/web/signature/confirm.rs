//! Confirming a signature: the mailed link opens a landing page, whose button confirms; the
//! confirmation redirects (POST, redirect, GET) to a page saying it is done, with the next step:
//! sharing. Reloading that page confirms nothing again.
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{get, post, routes};

use crate::App;
use crate::domain::ids::PetitionId;
use crate::domain::now;
use crate::domain::petition::petitions::PublicPetition;
use crate::domain::signature::signatures::{self, TokenState};
use crate::domain::signature::withdrawal::{self, Link};
use crate::web::context::{AppState, Ctx};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::WebResult;
use crate::web::page::Page;

use crate::web::petition::public::themed;

pub fn routes() -> Vec<rocket::Route> {
    routes![confirm_page, confirm, confirmed]
}

/// The link in the mail lands here. Opening it changes nothing (mail scanners open links);
/// the button on the page confirms.
#[get("/p/<id>/confirm/<token>")]
async fn confirm_page(app: &AppState, ctx: &Ctx, id: PetitionId, token: &str) -> WebResult<Page> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    let (state, details) = signatures::token_state(&app.db, id, token, now()).await?;
    confirm_result(app, ctx, shown.pick(&ctx.wanted).0, token, (state, details))
}

#[post("/p/<id>/confirm/<token>", data = "<_form>")]
async fn confirm(
    app: &AppState,
    ctx: &Ctx,
    jar: &CookieJar<'_>,
    id: PetitionId,
    token: &str,
    _form: CsrfForm<TokenOnly>,
) -> WebResult<Result<Redirect, Page>> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    let confirmed = app.intake.confirm(id, token, now()).await?;
    let state = confirmed.state;
    match state {
        TokenState::Valid | TokenState::AlreadyConfirmed => {
            if state == TokenState::Valid {
                app.metrics.confirmed();
            }
            // Whoever confirms read the mailbox: the next page gets the signature's own
            // withdrawal link, as the mail did, through a cookie of that page alone.
            if let Some(signer) = confirmed.signer {
                remember_confirmed(app, jar, id, &app.withdraw_key.signature_token(id, &signer));
            }
            Ok(Ok(Redirect::to(format!("/p/{id}/confirmed"))))
        }
        TokenState::Expired | TokenState::Unknown => {
            Ok(Err(confirm_result(app, ctx, shown.pick(&ctx.wanted).0, token, (state, None))?))
        }
    }
}

const CONFIRMED_COOKIE: &str = "confirmed";

fn remember_confirmed(app: &App, jar: &CookieJar<'_>, id: PetitionId, withdraw_token: &str) {
    super::remember_for_page(app, jar, CONFIRMED_COOKIE, withdraw_token.to_string(), format!("/p/{id}/confirmed"));
}

/// After the confirmation: done, and the next step. The withdrawal link only for the browser
/// that confirmed (its cookie names this petition's signature).
#[get("/p/<id>/confirmed")]
async fn confirmed(app: &AppState, ctx: &Ctx, jar: &CookieJar<'_>, id: PetitionId) -> WebResult<Page> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    let petition = shown.pick(&ctx.wanted).0;
    let withdraw = jar.get(CONFIRMED_COOKIE).map(|c| c.value()).filter(
        |token| matches!(app.withdraw_key.parse(token), Some(Link::Signature { petition, .. }) if petition == id),
    );
    let mut extra = tera::Context::new();
    extra.insert("withdraw_path", &withdraw.map(withdrawal::path));
    extra.insert("mailto", &crate::web::petition::share::mailto(app, ctx, petition));
    themed(app, ctx, petition, "confirmed.html", extra)
}

fn confirm_result(
    app: &App,
    ctx: &Ctx,
    petition: &PublicPetition,
    token: &str,
    (state, details): (TokenState, Option<signatures::Details>),
) -> WebResult<Page> {
    use TokenState::*;
    let mut extra = tera::Context::new();
    extra.insert("token", token);
    // What the button confirms, so that nobody confirms details someone else typed.
    extra.insert("details", &details);
    extra.insert("state", &state);
    let page = themed(app, ctx, petition, "confirm.html", extra)?;
    Ok(match state {
        Valid | AlreadyConfirmed => page,
        Expired => page.with_status(Status::Gone),
        Unknown => page.with_status(Status::NotFound),
    })
}
