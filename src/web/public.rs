//! What the public sees: the list of petitions, a petition page, signing, the thank-you page,
//! and the confirmation landing page whose button confirms.
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{Either, FromForm, get, post, routes};

use super::cache::Shown;
use super::context::{AppState, Ctx};
use super::csrf::{CsrfForm, TokenOnly};
use super::error::WebResult;
use super::page::Page;
use crate::App;
use crate::config::Challenge;
use crate::domain::challenge::{self, Scope};
use crate::domain::ids::PetitionId;
use crate::domain::intake;
use crate::domain::petitions::{self, PublicPetition};
use crate::domain::signatures::{self, SignInput, SignRequest};
use crate::domain::{DomainError, FieldErrors, now};

pub fn routes() -> Vec<rocket::Route> {
    routes![
        index,
        healthz,
        ping,
        by_id,
        by_organisation,
        by_user,
        sign,
        sign_by_organisation,
        sign_by_user,
        thanks,
        confirm_page,
        confirm
    ]
}

#[get("/")]
async fn index(app: &AppState, ctx: &Ctx) -> WebResult<Page> {
    let list = petitions::list_public(&app.db, 50).await?;
    let mut extra = tera::Context::new();
    extra.insert("petitions", &list);
    ctx.page(app, "index.html", extra)
}

/// 200 when the database answers, for load balancers and monitoring.
#[get("/healthz")]
async fn healthz(app: &AppState) -> (Status, &'static str) {
    match app.db.ping().await {
        Ok(()) => (Status::Ok, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database does not answer");
            (Status::ServiceUnavailable, "database unavailable")
        }
    }
}

/// Liveness without touching the database; also the benchmark's measure of the bare server.
#[get("/ping")]
fn ping() -> &'static str {
    "pong"
}

/// The theme's own template, or the default theme's.
fn theme_template(app: &App, theme: &str, name: &str) -> String {
    let own = format!("themes/{theme}/{name}");
    if app.views.has(&own) { own } else { format!("themes/classic/{name}") }
}

/// The petition's main address, as shared and as given to search engines.
pub(super) fn canonical_url(app: &App, petition: &PublicPetition) -> String {
    format!("{}{}", app.settings.public_url(), petition.path)
}

/// One of a petition's public pages, in the petition's theme, with what every such page needs
/// (the theme's stylesheet and the petition's colours are linked from `partials/petition/head.html`).
pub(super) fn themed(
    app: &App,
    ctx: &Ctx,
    petition: &PublicPetition,
    name: &str,
    mut extra: tera::Context,
) -> WebResult<Page> {
    extra.insert("petition", petition);
    extra.insert("theme_css", &app.views.theme_css(&petition.look.theme).is_some());
    extra.insert("canonical_url", &canonical_url(app, petition));
    extra.insert("public_url", &app.settings.public_url());
    ctx.page(app, &theme_template(app, &petition.look.theme, name), extra)
}

/// The challenge a petition's sign form asks: the instance's, while the form is open.
fn sign_challenge(app: &App, petition: &PublicPetition) -> Challenge {
    if petition.accepts_signatures() { app.settings.signing.challenge } else { Challenge::None }
}

fn petition_page(app: &App, ctx: &Ctx, shown: &Shown, form: &SignInput, errors: &FieldErrors) -> WebResult<Page> {
    let petition = &shown.petition;
    let kind = sign_challenge(app, petition);
    let render = |csrf_token: &str| {
        let mut extra = tera::Context::new();
        extra.insert("text_html", &shown.text_html);
        extra.insert("image", &shown.image);
        extra.insert("form", form);
        extra.insert("errors", errors);
        // The error summary names custom fields by the organiser's labels.
        let labels: std::collections::BTreeMap<String, &str> = petition
            .fields
            .custom
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("custom{}", i + 1), c.label.as_str()))
            .collect();
        extra.insert("labels", &labels);
        extra.insert("mailto", &super::share::mailto(app, ctx, petition));
        extra.insert("csrf_token", csrf_token);
        extra.insert("challenge", &challenge::pose(&app.challenge_key, kind, Scope::Signing(petition.id.0), now()));
        themed(app, ctx, petition, "petition.html", extra)
    };
    // A challenge is each visitor's own: such pages are not copied from the cache.
    if kind != Challenge::None || !errors.is_empty() || ctx.user.is_some() || ctx.flash.is_some() {
        return render(&ctx.csrf_token);
    }
    // The same for every anonymous visitor but the CSRF token: rendered once, then copied.
    let slot = &app.petitions.token_slot;
    let page = shown.page((&ctx.here, &ctx.lang), slot, || render(slot).map(|page| page.html))?;
    Ok(Page::ok(page.fill(&ctx.csrf_token)))
}

#[get("/p/<id>")]
async fn by_id(app: &AppState, ctx: &Ctx, id: PetitionId) -> WebResult<Page> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    petition_page(app, ctx, &shown, &SignInput::default(), &FieldErrors::new())
}

/// A petition by one of its permalinks; the others than the canonical one redirect to it, so a
/// link shared before a rename keeps working.
async fn by_permalink(
    app: &App,
    ctx: &Ctx,
    (kind, owner, slug): (&str, &str, &str),
) -> WebResult<Either<Page, Redirect>> {
    let shown = app.petitions.by_permalink(&app.db, (kind, owner, slug)).await?;
    if shown.petition.path != format!("/{kind}/{owner}/{slug}") {
        return Ok(Either::Right(Redirect::permanent(shown.petition.path.clone())));
    }
    Ok(Either::Left(petition_page(app, ctx, &shown, &SignInput::default(), &FieldErrors::new())?))
}

#[get("/o/<org>/<slug>")]
async fn by_organisation(app: &AppState, ctx: &Ctx, org: &str, slug: &str) -> WebResult<Either<Page, Redirect>> {
    by_permalink(app, ctx, ("o", org, slug)).await
}

#[get("/u/<user>/<slug>")]
async fn by_user(app: &AppState, ctx: &Ctx, user: &str, slug: &str) -> WebResult<Either<Page, Redirect>> {
    by_permalink(app, ctx, ("u", user, slug)).await
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
    let shown = app.petitions.by_id(&app.db, id).await?;
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
    let shown = app.petitions.by_permalink(&app.db, ("o", org, slug)).await?;
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
    let shown = app.petitions.by_permalink(&app.db, ("u", user, slug)).await?;
    sign_shown(app, ctx, &shown, form.0).await
}

async fn sign_shown(app: &App, ctx: &Ctx, shown: &Shown, form: SignForm) -> WebResult<Result<Redirect, Page>> {
    let petition = &shown.petition;
    let id = petition.id;
    let thanks = Redirect::to(format!("/p/{id}/thanks"));
    if !form.website.is_empty() {
        tracing::info!(petition = %id, "honeypot filled; signature dropped");
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
    let answered = sign_challenge(app, petition) == Challenge::None
        || challenge::check(
            &app.writer,
            &app.challenge_key,
            Scope::Signing(id.0),
            &form.challenge_token,
            &form.challenge,
            now(),
        )
        .await?;
    // A wrong answer is reported with the form's other mistakes, so that one try shows them all.
    let written = match (answered, intake::prepare(petition, request, &app.composer)) {
        (true, Ok(job)) => app.intake.sign(job).await,
        (false, Ok(_)) => Err(DomainError::Invalid(FieldErrors::new())),
        (_, Err(e)) => Err(e),
    };
    match written {
        Ok(_) => {
            app.mail_wake.notify_one();
            Ok(Ok(thanks))
        }
        Err(DomainError::Invalid(mut errors)) => {
            if !answered {
                errors.insert("challenge", "error-challenge-wrong");
            }
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

/// The link in the mail lands here. Opening it changes nothing (mail scanners open links);
/// the button on the page confirms.
#[get("/p/<id>/confirm/<token>")]
async fn confirm_page(app: &AppState, ctx: &Ctx, id: PetitionId, token: &str) -> WebResult<Page> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    let state = signatures::token_state(&app.db, id, token, now()).await?;
    confirm_result(app, ctx, &shown.petition, token, state, false)
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
    let state = app.intake.confirm(id, token, now()).await?;
    confirm_result(app, ctx, &shown.petition, token, state, true)
}

fn confirm_result(
    app: &App,
    ctx: &Ctx,
    petition: &PublicPetition,
    token: &str,
    state: signatures::TokenState,
    submitted: bool,
) -> WebResult<Page> {
    use signatures::TokenState::*;
    let mut extra = tera::Context::new();
    extra.insert("token", token);
    extra.insert("state", &state);
    extra.insert("submitted", &submitted);
    let page = themed(app, ctx, petition, "confirm.html", extra)?;
    Ok(match state {
        Valid | AlreadyConfirmed => page,
        Expired => page.with_status(Status::Gone),
        Unknown => page.with_status(Status::NotFound),
    })
}
