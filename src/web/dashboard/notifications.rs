//! A petition's notifications page in the dashboard: the signed-in member's own choice of
//! organiser mails (any member who sees the petition), and the newsletter forwarding (members
//! who may both modify the petition and read its signatures).
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use super::outcome;
use crate::App;
use crate::domain::ids::PetitionId;
use crate::domain::notify::forwarding::{self, ForwardingInput};
use crate::domain::notify::preferences::{self, Preferences};
use crate::domain::permissions::{self, Flag, ModifyPetition, SeePetition, ViewSignatures};
use crate::domain::petition::editing;
use crate::domain::{FieldErrors, now};
use crate::web::context::Signed;
use crate::web::csrf::CsrfForm;
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![page, save_preferences, save_forwarding]
}

#[derive(FromForm)]
struct PreferencesForm {
    #[field(default = false)]
    digest: bool,
    #[field(default = false)]
    milestones: bool,
}

#[derive(FromForm)]
struct ForwardingForm {
    #[field(default = String::new())]
    forward_kind: String,
    #[field(default = String::new())]
    forward_address: String,
    #[field(default = String::new())]
    forward_url: String,
    #[field(default = String::new())]
    forward_format: String,
    #[field(default = String::new())]
    forward_auth: String,
    #[field(default = String::new())]
    forward_username: String,
    #[field(default = String::new())]
    forward_secret: String,
}

impl From<ForwardingForm> for ForwardingInput {
    fn from(f: ForwardingForm) -> ForwardingInput {
        ForwardingInput {
            kind: f.forward_kind,
            address: f.forward_address,
            url: f.forward_url,
            format: f.forward_format,
            auth: f.forward_auth,
            username: f.forward_username,
            secret: f.forward_secret,
        }
    }
}

/// The page; `forwarding` refills the forwarding form (after an error) instead of what is stored.
async fn view(s: Signed<'_>, id: PetitionId, forwarding: Option<(&ForwardingInput, &FieldErrors)>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::petition::<SeePetition>(&app.db, user, id).await?;
    let petition = editing::load(&app.db, id).await?;
    let held = permissions::held(&app.db, user, petition.owner, &[Flag::ModifyPetitions, Flag::ViewSignatures]).await?;
    let may_forward = held.iter().all(|(_, yes)| *yes);
    let mut extra = tera::Context::new();
    extra.insert("petition", &petition);
    extra.insert("preferences", &preferences::of(&app.db, &can, user).await?);
    extra.insert("may_forward", &may_forward);
    extra.insert("offers_newsletter", &!petition.content.mail.newsletter_label.trim().is_empty());
    extra.insert("allowed_hosts", &allowed_hosts(app));
    let stored = forwarding::view(&app.db, &app.notify_key, id).await?;
    extra.insert("has_secret", &stored.has_secret);
    let none = FieldErrors::new();
    let (form, errors) = forwarding.unwrap_or((&stored.form, &none));
    // Each choice with the Fluent id of its label.
    let kinds = [("off", "forward-kind-off"), ("mail", "forward-kind-mail"), ("http", "forward-kind-http")];
    let formats = [("json", "forward-format-json"), ("form", "forward-format-form")];
    let auths = [("none", "forward-auth-none"), ("bearer", "forward-auth-bearer"), ("basic", "forward-auth-basic")];
    let selects = [
        ("forward_kind", &form.kind, &kinds[..]),
        ("forward_format", &form.format, &formats[..]),
        ("forward_auth", &form.auth, &auths[..]),
    ]
    .map(|(name, value, options)| {
        let options: Vec<_> = options.iter().map(|(v, key)| serde_json::json!({ "value": v, "key": key })).collect();
        serde_json::json!({ "name": name, "value": value, "options": options })
    });
    extra.insert("selects", &selects);
    ctx.form_page(app, "dashboard/notifications.html", extra, form, errors)
}

fn allowed_hosts(app: &App) -> Vec<String> {
    app.instance.get().newsletter_hosts.lines().map(str::to_string).collect()
}

#[get("/dashboard/petitions/<id>/notifications")]
async fn page(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    view(s, id, None).await
}

#[post("/dashboard/petitions/<id>/notifications", data = "<form>")]
async fn save_preferences(s: Signed<'_>, id: PetitionId, form: CsrfForm<PreferencesForm>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<SeePetition>(&app.db, user, id).await?;
    let wanted = Preferences { digest: form.0.digest, milestones: form.0.milestones };
    preferences::save(&app.db, &can, user, wanted, now()).await?;
    crate::web::context::flash(jar, "success", "flash-saved");
    Ok(Redirect::to(format!("/dashboard/petitions/{id}/notifications")))
}

#[post("/dashboard/petitions/<id>/newsletter", data = "<form>")]
async fn save_forwarding(
    s: Signed<'_>,
    id: PetitionId,
    form: CsrfForm<ForwardingForm>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    let modify = permissions::petition::<ModifyPetition>(&app.db, user, id).await?;
    let read = permissions::petition::<ViewSignatures>(&app.db, user, id).await?;
    let input = ForwardingInput::from(form.0);
    let hosts = app.instance.get().newsletter_hosts.clone();
    let result = forwarding::save(&app.db, (&modify, &read), (&app.notify_key, &hosts), &input, now()).await;
    let back = ("flash-saved", format!("/dashboard/petitions/{id}/notifications"));
    // A secret typed is never shown again, not even beside an error.
    let shown = ForwardingInput { secret: String::new(), ..input };
    outcome(result, jar, back, async |errors| view(s, id, Some((&shown, &errors))).await).await
}
