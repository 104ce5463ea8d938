//! Signing a petition: the form at `/p/<id>/sign` and under its permalinks, and the thank-you page.
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::domain::challenge::{Scope, Screened, Screening};
use crate::domain::ids::PetitionId;
use crate::domain::signature::intake;
use crate::domain::signature::signatures::{SignInput, SignRequest};
use crate::domain::{DomainError, FieldErrors, now};
use crate::web::context::{AppState, Ctx};
use crate::web::csrf::CsrfForm;
use crate::web::error::WebResult;
use crate::web::moderation::withheld;
use crate::web::page::Page;

use crate::web::petition::cache::Shown;
use crate::web::petition::public::{petition_page, sign_challenge, themed};

pub fn routes() -> Vec<rocket::Route> {
    routes![sign, sign_by_organisation, sign_by_user, thanks]
}

#[derive(FromForm)]
struct SignForm {
    #[field(default = String::new())]
    first_name: String,
    #[field(default = String::new())]
    last_name: String,
    #[field(default = String::new())]
    email: String,
    #[field(default = String::new())]
    phone: String,
    #[field(default = String::new())]
    postal_code: String,
    #[field(default = String::new())]
    country: String,
    #[field(default = String::new())]
    organisation: String,
    #[field(default = String::new())]
    custom1: String,
    #[field(default = String::new())]
    custom2: String,
    #[field(default = String::new())]
    custom3: String,
    #[field(default = false)]
    newsletter: bool,
    /// Honeypot: hidden from people, filled by naive bots.
    #[field(default = String::new())]
    website: String,
    /// The challenge's token and the answer, when the instance asks for one.
    #[field(default = String::new())]
    challenge_token: String,
    #[field(default = String::new())]
    challenge: String,
}

#[post("/p/<id>/sign", data = "<form>")]
async fn sign(
    app: &AppState,
    ctx: &Ctx,
    id: PetitionId,
    form: CsrfForm<SignForm>,
) -> WebResult<Result<Redirect, Page>> {
    let shown = match withheld::by_id(app, ctx, id).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(Err(page)),
    };
    sign_shown(app, ctx, &shown, form.0).await
}

/// The same form posted under a permalink (a page saved or a theme that posts to its own
/// address), so that it does not end in "not found".
#[post("/o/<org>/<slug>/sign", data = "<form>")]
async fn sign_by_organisation(
    app: &AppState,
    ctx: &Ctx,
    org: &str,
    slug: &str,
    form: CsrfForm<SignForm>,
) -> WebResult<Result<Redirect, Page>> {
    let shown = match withheld::by_permalink(app, ctx, ("o", org, slug)).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(Err(page)),
    };
    sign_shown(app, ctx, &shown, form.0).await
}

#[post("/u/<user>/<slug>/sign", data = "<form>")]
async fn sign_by_user(
    app: &AppState,
    ctx: &Ctx,
    user: &str,
    slug: &str,
    form: CsrfForm<SignForm>,
) -> WebResult<Result<Redirect, Page>> {
    let shown = match withheld::by_permalink(app, ctx, ("u", user, slug)).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(Err(page)),
    };
    sign_shown(app, ctx, &shown, form.0).await
}

async fn sign_shown(app: &App, ctx: &Ctx, shown: &Shown, form: SignForm) -> WebResult<Result<Redirect, Page>> {
    let petition = &shown.petition;
    let id = petition.id;
    let thanks = Redirect::to(format!("/p/{id}/thanks"));
    let sent = Screening { honeypot: &form.website, token: &form.challenge_token, answer: &form.challenge };
    let screened = app.bot_defence.screen((sign_challenge(app, petition), Scope::Signing(id.0)), sent, now()).await?;
    if screened == Screened::Bot {
        return Ok(Ok(thanks));
    }
    let input = SignInput {
        first_name: form.first_name,
        last_name: form.last_name,
        email: form.email,
        phone: form.phone,
        postal_code: form.postal_code,
        country: form.country,
        organisation: form.organisation,
        custom1: form.custom1,
        custom2: form.custom2,
        custom3: form.custom3,
        newsletter: form.newsletter,
    };
    let request = SignRequest {
        input: &input,
        locale: &ctx.lang,
        valid_for: chrono::Duration::hours(i64::from(app.settings.signing.confirmation_valid_hours)),
        now: now(),
    };
    // A wrong answer is reported with the form's other mistakes, so that one try shows them all.
    let written = match (screened, intake::prepare(petition, request, &app.composer)) {
        (Screened::WrongAnswer, Ok(_)) => Err(DomainError::Invalid(FieldErrors::new())),
        (_, Ok(job)) => app.intake.sign(job).await,
        (_, Err(e)) => Err(e),
    };
    match written {
        Ok(_) => Ok(Ok(thanks)),
        Err(DomainError::Invalid(errors)) => {
            let errors = screened.with_errors(errors);
            let page = petition_page(app, ctx, shown, &input, &errors)?;
            Ok(Err(page.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}

#[get("/p/<id>/thanks")]
async fn thanks(app: &AppState, ctx: &Ctx, id: PetitionId) -> WebResult<Page> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    themed(app, ctx, &shown.petition, "thanks.html", tera::Context::new())
}
