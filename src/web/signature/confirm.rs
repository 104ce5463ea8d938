//! Confirming a signature: the mailed link opens a landing page, whose button confirms.
use rocket::http::Status;
use rocket::{get, post, routes};

use crate::App;
use crate::domain::ids::PetitionId;
use crate::domain::now;
use crate::domain::petition::petitions::PublicPetition;
use crate::domain::signature::signatures::{self, TokenState};
use crate::domain::signature::withdrawal;
use crate::web::context::{AppState, Ctx};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::WebResult;
use crate::web::page::Page;

use crate::web::petition::public::themed;

pub fn routes() -> Vec<rocket::Route> {
    routes![confirm_page, confirm]
}

/// The link in the mail lands here. Opening it changes nothing (mail scanners open links);
/// the button on the page confirms.
#[get("/p/<id>/confirm/<token>")]
async fn confirm_page(app: &AppState, ctx: &Ctx, id: PetitionId, token: &str) -> WebResult<Page> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    let (state, details) = signatures::token_state(&app.db, id, token, now()).await?;
    confirm_result(app, ctx, shown.pick(&ctx.wanted).0, token, (state, details), (false, None))
}

#[post("/p/<id>/confirm/<token>", data = "<_form>")]
async fn confirm(
    app: &AppState,
    ctx: &Ctx,
    id: PetitionId,
    token: &str,
    _form: CsrfForm<TokenOnly>,
) -> WebResult<Page> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    let confirmed = app.intake.confirm(id, token, now()).await?;
    let state = confirmed.state;
    if state == TokenState::Valid {
        app.metrics.confirmed();
    }
    // Whoever confirms read the mailbox: they get the signature's own withdrawal link, as the mail did.
    let withdraw = confirmed.signer.map(|signer| withdrawal::path(&app.withdraw_key.signature_token(id, &signer)));
    confirm_result(app, ctx, shown.pick(&ctx.wanted).0, token, (state, None), (true, withdraw))
}

fn confirm_result(
    app: &App,
    ctx: &Ctx,
    petition: &PublicPetition,
    token: &str,
    (state, details): (TokenState, Option<signatures::Details>),
    (submitted, withdraw_path): (bool, Option<String>),
) -> WebResult<Page> {
    use TokenState::*;
    let mut extra = tera::Context::new();
    extra.insert("token", token);
    // What the button confirms, so that nobody confirms details someone else typed.
    extra.insert("details", &details);
    extra.insert("state", &state);
    extra.insert("submitted", &submitted);
    extra.insert("withdraw_path", &withdraw_path);
    let page = themed(app, ctx, petition, "confirm.html", extra)?;
    Ok(match state {
        Valid | AlreadyConfirmed => page,
        Expired => page.with_status(Status::Gone),
        Unknown => page.with_status(Status::NotFound),
    })
}
