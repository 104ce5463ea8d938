//! Signing a petition: the form at `/p/<id>/sign` and under its permalinks, and the thank-you page.
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::config::Challenge;
use crate::domain::challenge::{Scope, Screened, Screening};
use crate::domain::ids::PetitionId;
use crate::domain::signature::intake;
use crate::domain::signature::signatures::{SignInput, SignOutcome, SignRequest};
use crate::domain::signature::withdrawal::{self, Link};
use crate::domain::{DomainError, FieldErrors, now, tokens};
use crate::web::client::Client;
use crate::web::context::{AppState, Ctx};
use crate::web::csrf::CsrfForm;
use crate::web::error::WebResult;
use crate::web::limits::Verdict;
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
    #[field(default = false)]
    name_public: bool,
    #[field(default = false)]
    keep_informed: bool,
    /// Honeypot: hidden from people, filled by naive bots.
    #[field(default = String::new())]
    website: String,
    /// The challenge's token and the answer, when the instance asks for one.
    #[field(default = String::new())]
    challenge_token: String,
    #[field(default = String::new())]
    challenge: String,
    /// The language the petition's content was shown in, so that the signature (and its mail)
    /// is in the language the signer read.
    #[field(default = String::new())]
    content_lang: String,
}

#[post("/p/<id>/sign", data = "<form>")]
async fn sign(
    app: &AppState,
    ctx: &Ctx,
    client: Client,
    jar: &CookieJar<'_>,
    id: PetitionId,
    form: CsrfForm<SignForm>,
) -> WebResult<Result<Redirect, Page>> {
    let shown = match withheld::by_id(app, ctx, id).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(Err(page)),
    };
    sign_shown(app, ctx, (&client, jar), &shown, form.0).await
}

/// The same form posted under a permalink (a page saved or a theme that posts to its own
/// address), so that it does not end in "not found".
#[post("/o/<org>/<slug>/sign", data = "<form>")]
async fn sign_by_organisation(
    app: &AppState,
    ctx: &Ctx,
    client: Client,
    jar: &CookieJar<'_>,
    org: &str,
    slug: &str,
    form: CsrfForm<SignForm>,
) -> WebResult<Result<Redirect, Page>> {
    let shown = match withheld::by_permalink(app, ctx, ("o", org, slug)).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(Err(page)),
    };
    sign_shown(app, ctx, (&client, jar), &shown, form.0).await
}

#[post("/u/<user>/<slug>/sign", data = "<form>")]
async fn sign_by_user(
    app: &AppState,
    ctx: &Ctx,
    client: Client,
    jar: &CookieJar<'_>,
    user: &str,
    slug: &str,
    form: CsrfForm<SignForm>,
) -> WebResult<Result<Redirect, Page>> {
    let shown = match withheld::by_permalink(app, ctx, ("u", user, slug)).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(Err(page)),
    };
    sign_shown(app, ctx, (&client, jar), &shown, form.0).await
}

/// Past a rate (per client, per petition), the form asks the question before it takes the
/// signature, even on an instance that asks none: people sharing one address can still sign,
/// and a flood from one client gets nothing written nor mailed. A form that brings a question
/// back (asked on a previous try) has it checked.
async fn sign_shown(
    app: &App,
    ctx: &Ctx,
    (client, jar): (&Client, &CookieJar<'_>),
    shown: &Shown,
    form: SignForm,
) -> WebResult<Result<Redirect, Page>> {
    let wanted: Vec<String> = std::iter::once(form.content_lang.clone()).chain(ctx.wanted.iter().cloned()).collect();
    let (petition, _) = shown.pick(&wanted);
    // Paused by the instance's admins: the petition's page again, which shows their message
    // where the form was, with "try later" in the status.
    if app.instance.get().signing_paused && petition.accepts_signatures() {
        let page = petition_page(app, ctx, (shown, &wanted), &SignInput::default(), &FieldErrors::new())?;
        return Ok(Err(page.with_status(Status::ServiceUnavailable)));
    }
    let id = petition.id;
    // The thank-you page in the language the petition was read in.
    let in_lang = if shown.translations.is_empty() { String::new() } else { format!("?lang={}", petition.locale) };
    let thanks = |to: String, confirmation_hash: &str| {
        remember_pending(app, jar, id, confirmation_hash);
        Redirect::to(to)
    };
    let limited = app.limits.signing(&client.0, id) == Verdict::Challenge;
    let kind = match sign_challenge(app, petition) {
        Challenge::None if petition.accepts_signatures() && (limited || !form.challenge_token.is_empty()) => {
            Challenge::Question
        }
        kind => kind,
    };
    let sent = Screening { honeypot: &form.website, token: &form.challenge_token, answer: &form.challenge };
    let screened = app.bot_defence.screen((kind, Scope::Signing(id.0)), sent, now()).await?;
    if screened == Screened::Bot {
        return Ok(Ok(thanks(format!("/p/{id}/thanks{in_lang}"), &tokens::hash_token(&tokens::random_token(32)))));
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
        name_public: form.name_public,
        keep_informed: form.keep_informed,
    };
    let signing = &app.settings.signing;
    // A petition in several languages records the one its signer read; else the interface's.
    let locale = if shown.translations.is_empty() { &ctx.lang } else { &petition.locale };
    let request = SignRequest {
        input: &input,
        locale,
        valid_for: chrono::Duration::hours(i64::from(signing.confirmation_valid_hours)),
        resend_after: chrono::Duration::minutes(i64::from(signing.resend_after_minutes)),
        client: Some(&client.0),
        withdraw: &app.withdraw_key,
        now: now(),
    };
    let prepared = intake::prepare(petition, request, &app.composer);
    let mailed = prepared.as_ref().map(|job| job.confirmation_hash().to_string()).unwrap_or_default();
    // A wrong answer is reported with the form's other mistakes, so that one try shows them all.
    let written = match (screened, prepared) {
        (Screened::WrongAnswer, Ok(_)) => Err(DomainError::Invalid(FieldErrors::new())),
        (_, Ok(job)) => app.intake.sign(job).await,
        (_, Err(e)) => Err(e),
    };
    if let Ok(outcome) = &written {
        app.metrics.signed(outcome);
    }
    match written {
        Ok(SignOutcome::AlreadyMailed) => {
            Ok(Ok(thanks(format!("/p/{id}/thanks?mailed=earlier{}", in_lang.replace('?', "&")), &mailed)))
        }
        Ok(_) => Ok(Ok(thanks(format!("/p/{id}/thanks{in_lang}"), &mailed))),
        Err(DomainError::Invalid(errors)) => {
            let mut errors = screened.with_errors(errors);
            // Asked for the first time: not a wrong answer, a question to answer.
            if screened == Screened::WrongAnswer && form.challenge_token.is_empty() {
                errors.insert("challenge", "error-challenge-needed");
            }
            let status = if limited { Status::TooManyRequests } else { Status::UnprocessableEntity };
            let page = petition_page(app, ctx, (shown, &wanted), &input, &errors)?;
            Ok(Err(page.with_status(status)))
        }
        Err(e) => Err(e.into()),
    }
}

/// The thank-you page's withdrawal link names the confirmation link this submission mailed; one
/// that mailed nothing (the address had signed, a bot) gets a link all the same, which matches
/// nothing, so that the page tells nothing apart. It goes in a cookie of the thank-you page
/// alone rather than in its address, which a signer may share.
fn remember_pending(app: &App, jar: &CookieJar<'_>, id: PetitionId, confirmation_hash: &str) {
    let token = app.withdraw_key.pending_token(id, confirmation_hash);
    super::remember_for_page(app, jar, PENDING_COOKIE, token, format!("/p/{id}/thanks"));
}

const PENDING_COOKIE: &str = "pending";

/// `mailed=earlier`: no mail was sent this time, since one went to the address a short while ago.
#[get("/p/<id>/thanks?<mailed>")]
async fn thanks(
    app: &AppState,
    ctx: &Ctx,
    jar: &CookieJar<'_>,
    id: PetitionId,
    mailed: Option<&str>,
) -> WebResult<Page> {
    let shown = app.petitions.by_id(&app.db, id).await?;
    let mut extra = tera::Context::new();
    extra.insert("mailed_earlier", &(mailed == Some("earlier")));
    let pending = jar.get(PENDING_COOKIE).map(|c| c.value()).filter(
        |token| matches!(app.withdraw_key.parse(token), Some(Link::Pending { petition, .. }) if petition == id),
    );
    extra.insert("withdraw_path", &pending.map(withdrawal::path));
    let (petition, html) = shown.pick(&ctx.wanted);
    extra.insert("thank_you_html", &html.thank_you);
    extra.insert("mailto", &crate::web::petition::share::mailto(app, ctx, petition));
    themed(app, ctx, petition, "thanks.html", extra)
}
