//! What the public sees: the list of petitions and a petition page (signing and confirming are
//! in `web/signature/`).
use rocket::response::Redirect;
use rocket::{Either, get, routes};
use serde::Serialize;

use crate::App;
use crate::config::Challenge;
use crate::domain::FieldErrors;
use crate::domain::challenge::Scope;
use crate::domain::ids::PetitionId;
use crate::domain::petition::petitions::{self, PublicPetition};
use crate::domain::petition::translations::CONTENT_LANGUAGES;
use crate::domain::signature::signatures::SignInput;
use crate::web::context::{AppState, Ctx};
use crate::web::error::WebResult;
use crate::web::moderation::withheld;
use crate::web::page::Page;
use crate::web::petition::cache::Shown;

pub fn routes() -> Vec<rocket::Route> {
    routes![index, ping, by_id, by_organisation, by_user]
}

#[get("/")]
async fn index(app: &AppState, ctx: &Ctx) -> WebResult<Page> {
    let list = petitions::list_public(&app.db, 50).await?;
    let mut extra = tera::Context::new();
    extra.insert("petitions", &list);
    ctx.page(app, "index.html", extra)
}

/// The benchmark's measure of the bare server (`/healthz` is the same for monitoring).
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
pub(crate) fn canonical_url(app: &App, petition: &PublicPetition) -> String {
    format!("{}{}", app.settings.public_url(), petition.path)
}

/// One of a petition's public pages, in the petition's theme, with what every such page needs
/// (the theme's stylesheet and the petition's colours are linked from `partials/petition/head.html`).
pub(crate) fn themed(
    app: &App,
    ctx: &Ctx,
    petition: &PublicPetition,
    name: &str,
    mut extra: tera::Context,
) -> WebResult<Page> {
    extra.insert("petition", petition);
    extra.insert("theme_css", &app.views.theme_css(&petition.look.theme).is_some());
    if !extra.contains_key("canonical_url") {
        extra.insert("canonical_url", &canonical_url(app, petition));
    }
    extra.insert("public_url", &app.settings.public_url());
    ctx.page(app, &theme_template(app, &petition.look.theme, name), extra)
}

/// The challenge a petition's sign form asks: the instance's, while the form is open.
pub(crate) fn sign_challenge(app: &App, petition: &PublicPetition) -> Challenge {
    if petition.accepts_signatures() { app.settings.signing.challenge } else { Challenge::None }
}

/// A language of a petition's content, for the page's language list and `hreflang` links.
#[derive(Debug, Serialize)]
struct ContentLanguage {
    code: String,
    name: String,
    current: bool,
    /// This page with its content in that language.
    href: String,
    /// The canonical address in that language, for search engines.
    alternate: String,
}

/// A language by its own name: the interface's, or for a language only content is written in,
/// `translations::CONTENT_LANGUAGES`; the code itself for any other.
pub(crate) fn language_name(app: &App, code: &str) -> String {
    if app.i18n.codes().any(|c| c == code) {
        return app.i18n.tr(code, "language-name", None);
    }
    CONTENT_LANGUAGES.iter().find(|(c, _)| *c == code).map_or_else(|| code.to_string(), |(_, name)| name.to_string())
}

fn content_languages(app: &App, ctx: &Ctx, shown: &Shown, current: &str) -> Vec<ContentLanguage> {
    let canonical = canonical_url(app, &shown.petition);
    let sep = if ctx.here.contains('?') { '&' } else { '?' };
    shown
        .languages()
        .into_iter()
        .map(|code| ContentLanguage {
            code: code.to_string(),
            name: language_name(app, code),
            current: code == current,
            href: format!("{}{sep}lang={code}", ctx.here),
            alternate: format!("{canonical}?lang={code}"),
        })
        .collect()
}

/// The page of `shown` in the first of `wanted` its content has (a sign form brings back the
/// language it was shown in; else the visitor's `Ctx::wanted`).
pub(crate) fn petition_page(
    app: &App,
    ctx: &Ctx,
    (shown, wanted): (&Shown, &[String]),
    form: &SignInput,
    errors: &FieldErrors,
) -> WebResult<Page> {
    let (petition, html) = shown.pick(wanted);
    // A form sent back because it was asked the question (past a rate) asks it again.
    let kind = match sign_challenge(app, petition) {
        Challenge::None if petition.accepts_signatures() && errors.contains_key("challenge") => Challenge::Question,
        kind => kind,
    };
    let render = |csrf_token: &str| {
        let mut extra = tera::Context::new();
        extra.insert("text_html", &html.text);
        // Search results and previews: the organiser's social description, else the text's start.
        let description = match petition.sharing.social_description.as_deref().map(str::trim) {
            Some(own) if !own.is_empty() => own.to_string(),
            _ => crate::domain::petition::summary::plain_summary(&petition.text, 160),
        };
        extra.insert("description", &description);
        extra.insert("side_html", &html.side);
        let languages = content_languages(app, ctx, shown, &petition.locale);
        extra.insert("content_languages", &if languages.len() > 1 { languages } else { Vec::new() });
        // Each language's page is its own canonical address, as `hreflang` wants.
        let canonical = canonical_url(app, &shown.petition);
        if petition.locale != shown.petition.locale {
            extra.insert("canonical_url", &format!("{canonical}?lang={}", petition.locale));
        }
        extra.insert("canonical_x_default", &canonical);
        extra.insert("image", &shown.image);
        extra.insert("names", &shown.names);
        extra.insert("news", &shown.news);
        extra.insert("addressees", &shown.addressees);
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
        extra.insert("retention", &petition.retention.notice(app.instance.get().retention_days));
        extra.insert("mailto", &crate::web::petition::share::mailto(app, ctx, petition));
        extra.insert("csrf_token", csrf_token);
        extra.insert("challenge", &crate::web::challenge::pose(app, &ctx.lang, kind, Scope::Signing(petition.id.0)));
        themed(app, ctx, petition, "petition.html", extra)
    };
    // A challenge is each visitor's own: such pages are not copied from the cache. Nor are the
    // page's other spellings (`/p/07`, `/p/7?x=1`), which a visitor can vary without end: only
    // the two addresses a petition has take a cache slot.
    let usual = ctx.here == ctx.path && (ctx.path == petition.path || ctx.path == format!("/p/{}", petition.id));
    if !usual || kind != Challenge::None || !errors.is_empty() || ctx.user.is_some() || ctx.flash.is_some() {
        return render(&ctx.csrf_token);
    }
    // The same for every anonymous visitor but the CSRF token: rendered once, then copied.
    let slot = &app.petitions.token_slot;
    let page = shown.page((&ctx.here, &ctx.lang, &petition.locale), slot, || render(slot).map(|page| page.html))?;
    Ok(Page::ok(page.fill(&ctx.csrf_token)))
}

#[get("/p/<id>")]
async fn by_id(app: &AppState, ctx: &Ctx, id: PetitionId) -> WebResult<Page> {
    let shown = match withheld::by_id(app, ctx, id).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(page),
    };
    petition_page(app, ctx, (&shown, &ctx.wanted), &SignInput::default(), &FieldErrors::new())
}

/// A petition by one of its permalinks; the others than the canonical one redirect to it, so a
/// link shared before a rename keeps working.
async fn by_permalink(
    app: &App,
    ctx: &Ctx,
    (kind, owner, slug): (&str, &str, &str),
) -> WebResult<Either<Page, Redirect>> {
    let shown = match withheld::by_permalink(app, ctx, (kind, owner, slug)).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(Either::Left(page)),
    };
    if shown.petition.path != format!("/{kind}/{owner}/{slug}") {
        return Ok(Either::Right(Redirect::permanent(shown.petition.path.clone())));
    }
    Ok(Either::Left(petition_page(app, ctx, (&shown, &ctx.wanted), &SignInput::default(), &FieldErrors::new())?))
}

#[get("/o/<org>/<slug>")]
async fn by_organisation(app: &AppState, ctx: &Ctx, org: &str, slug: &str) -> WebResult<Either<Page, Redirect>> {
    by_permalink(app, ctx, ("o", org, slug)).await
}

#[get("/u/<user>/<slug>")]
async fn by_user(app: &AppState, ctx: &Ctx, user: &str, slug: &str) -> WebResult<Either<Page, Redirect>> {
    by_permalink(app, ctx, ("u", user, slug)).await
}
