//! `/admin/settings`: the instance's runtime settings, applied on the next request without a
//! restart (see `domain::instance::settings`), and the public documents they hold (`/terms`,
//! `/legal`; the privacy policy's text is shown by `web::privacy`, below what the instance does).
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::config::Who;
use crate::domain::instance::settings::{self, Registration, SettingsInput};
use crate::domain::petition::petitions;
use crate::domain::{DomainError, FieldErrors, now, permissions};
use crate::web::context::{AppState, Ctx, Signed, flash};
use crate::web::csrf::CsrfForm;
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![settings_page, save, terms, legal]
}

#[derive(FromForm)]
struct SettingsForm {
    #[field(default = String::new())]
    name: String,
    #[field(default = String::new())]
    description: String,
    #[field(default = String::new())]
    registration: String,
    #[field(default = String::new())]
    organisation_creation: String,
    #[field(default = false)]
    personal_petitions: bool,
    #[field(default = false)]
    guest_petitions: bool,
    #[field(default = String::new())]
    default_theme: String,
    #[field(default = String::new())]
    terms: String,
    #[field(default = String::new())]
    privacy: String,
    #[field(default = String::new())]
    legal: String,
    #[field(default = String::new())]
    banner: String,
    #[field(default = false)]
    signing_paused: bool,
    #[field(default = String::new())]
    signing_paused_message: String,
    #[field(default = String::new())]
    retention_days: String,
    #[field(default = String::new())]
    newsletter_hosts: String,
}

impl From<SettingsForm> for SettingsInput {
    fn from(f: SettingsForm) -> SettingsInput {
        SettingsInput {
            name: f.name,
            description: f.description,
            registration: f.registration,
            organisation_creation: f.organisation_creation,
            personal_petitions: f.personal_petitions,
            guest_petitions: f.guest_petitions,
            default_theme: f.default_theme,
            terms: f.terms,
            privacy: f.privacy,
            legal: f.legal,
            banner: f.banner,
            signing_paused: f.signing_paused,
            signing_paused_message: f.signing_paused_message,
            retention_days: f.retention_days,
            newsletter_hosts: f.newsletter_hosts,
        }
    }
}

fn form_view(app: &App, ctx: &Ctx, form: &SettingsInput, errors: &FieldErrors) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("registrations", &Registration::ALL.map(Registration::as_str));
    extra.insert("creators", &[Who::Anyone, Who::Admins]);
    extra.insert("themes", &app.views.themes());
    extra.insert(
        "limits",
        &serde_json::json!({
            "name": settings::NAME_MAX, "description": settings::DESCRIPTION_MAX, "banner": settings::BANNER_MAX,
            "text": settings::TEXT_MAX, "paused": settings::PAUSED_MESSAGE_MAX,
        }),
    );
    ctx.form_page(app, "admin/settings.html", extra, form, errors)
}

#[get("/admin/settings")]
fn settings_page(s: Signed<'_>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    permissions::instance(user)?;
    form_view(app, ctx, &SettingsInput::of(&app.instance.get()), &FieldErrors::new())
}

#[post("/admin/settings", data = "<form>")]
async fn save(s: Signed<'_>, form: CsrfForm<SettingsForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let can = permissions::instance(user)?;
    let input = SettingsInput::from(form.0);
    let themes = app.views.themes();
    match settings::save(&app.db, (&can, &app.instance), user, (&input, &themes), now()).await {
        Ok(changed) => {
            // Cached petition pages carry the banner and the sign form: shown anew from now on.
            app.petitions.clear();
            flash(jar, "success", if changed == 0 { "flash-nothing-changed" } else { "flash-saved" });
            Ok(Ok(Redirect::to("/admin/settings")))
        }
        Err(DomainError::Invalid(errors)) => {
            Ok(Err(form_view(app, ctx, &input, &errors)?.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}

/// One of the instance's documents, rendered from its Markdown; "not found" while it is unset.
fn document(app: &App, ctx: &Ctx, name: &str) -> WebResult<Page> {
    let instance = app.instance.get();
    let text = instance.document(name).ok_or_else(WebError::not_found)?;
    let mut extra = tera::Context::new();
    extra.insert("title_key", &format!("document-{name}"));
    extra.insert("text_html", &petitions::render_markdown(text));
    ctx.page(app, "document.html", extra)
}

#[get("/terms")]
fn terms(app: &AppState, ctx: &Ctx) -> WebResult<Page> {
    document(app, ctx, "terms")
}

#[get("/legal")]
fn legal(app: &AppState, ctx: &Ctx) -> WebResult<Page> {
    document(app, ctx, "legal")
}
