//! A petition's languages in the dashboard: the panel on the content page and the wizard's
//! review (each translation with whether it is older than the default text, a form to add a
//! language, a button to remove one) and the form that edits one translation. Each takes the
//! right that editing the petition's content takes: `ModifyPetition`, or `EditDraft` in the
//! wizard.
use rocket::response::Redirect;
use rocket::{get, post, routes};
use serde::Serialize;

use super::form::Posted;
use super::outcome;
use crate::App;
use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{self, Allowed, EditDraft, ModifyPetition};
use crate::domain::petition::editing::{self, Editable};
use crate::domain::petition::translations::{self, CONTENT_LANGUAGES, FIELDS, Texts};
use crate::domain::{DomainError, FieldErrors};
use crate::entities::user;
use crate::web::context::{Signed, flash};
use crate::web::csrf::CsrfForm;
use crate::web::error::WebResult;
use crate::web::page::Page;
use crate::web::petition::public::language_name;

pub fn routes() -> Vec<rocket::Route> {
    routes![add, edit_page, edit_submit, remove]
}

#[derive(Debug, Serialize)]
struct Language {
    code: String,
    name: String,
    /// Last saved before the default text changed.
    older: bool,
}

/// What the languages panel shows.
#[derive(Debug, Serialize)]
struct Panel {
    default: Language,
    translations: Vec<Language>,
    /// Languages not yet there, to add.
    addable: Vec<Language>,
}

/// The languages a translation may be added in: the interface's, then those content alone is
/// written in (`CONTENT_LANGUAGES`), each once.
fn offered(app: &App) -> Vec<String> {
    let mut codes: Vec<String> = app.i18n.codes().map(str::to_string).collect();
    for (code, _) in CONTENT_LANGUAGES {
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_string());
        }
    }
    codes
}

/// The panel's data for `petition`, as the `languages_panel` of a page's context.
pub(super) fn panel(app: &App, petition: &Editable) -> serde_json::Value {
    let language = |code: &str, older: bool| Language { code: code.to_string(), name: language_name(app, code), older };
    let present =
        |code: &str| code == petition.default_locale || petition.translations.iter().any(|t| t.locale == code);
    let panel = Panel {
        default: language(&petition.default_locale, false),
        translations: petition.translations.iter().map(|t| language(&t.locale, t.older)).collect(),
        addable: offered(app).iter().filter(|c| !present(c)).map(|c| language(c, false)).collect(),
    };
    serde_json::to_value(panel).unwrap_or_default()
}

/// Editing content: `ModifyPetition`, or a draft in the wizard.
enum Right {
    Modify(Allowed<ModifyPetition, PetitionId>),
    Draft(Allowed<EditDraft, PetitionId>),
}

async fn right(app: &App, user: &user::Model, id: PetitionId) -> DomainResult<Right> {
    match permissions::petition::<ModifyPetition>(&app.db, user, id).await {
        Ok(can) => Ok(Right::Modify(can)),
        Err(e) => permissions::draft(&app.db, user, id).await.map(Right::Draft).map_err(|_| e),
    }
}

/// Calls the same domain function with whichever right the user holds.
macro_rules! with_right {
    ($right:expr, $can:ident => $call:expr) => {
        match $right {
            Right::Modify($can) => $call,
            Right::Draft($can) => $call,
        }
    };
}

/// Where the panel's forms send the organiser back: the wizard's review, or the content page.
fn back(id: PetitionId, form: &Posted) -> String {
    match form.get("from").map(String::as_str) {
        Some("wizard") => format!("/dashboard/petitions/{id}/wizard/review"),
        _ => format!("/dashboard/petitions/{id}/edit/content"),
    }
}

#[post("/dashboard/petitions/<id>/languages", data = "<form>")]
async fn add(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let locale = form.0.get("locale").map_or("", String::as_str);
    let added =
        with_right!(right(app, user, id).await?, can => translations::add(&app.db, &can, locale, &offered(app)).await);
    match added {
        Ok(()) => {
            flash(jar, "success", "flash-language-added");
            Ok(Redirect::to(format!("/dashboard/petitions/{id}/languages/{locale}{}", from_query(&form.0))))
        }
        // Only a language already there or not offered: the panel again, which lists what is.
        Err(DomainError::Invalid(_)) => {
            let refused = "error-language-invalid";
            flash(jar, "info", refused);
            Ok(Redirect::to(back(id, &form.0)))
        }
        Err(e) => Err(e.into()),
    }
}

fn from_query(form: &Posted) -> &'static str {
    if form.get("from").map(String::as_str) == Some("wizard") { "?from=wizard" } else { "" }
}

async fn edit_view(
    s: Signed<'_>,
    (petition, locale): (&Editable, &str),
    (form, errors): (&Posted, &FieldErrors),
) -> WebResult<Page> {
    let Signed { app, ctx, .. } = s;
    let mut extra = tera::Context::new();
    extra.insert("petition", petition);
    extra.insert("locale", locale);
    extra.insert("language", &language_name(app, locale));
    extra.insert("default_language", &language_name(app, &petition.default_locale));
    extra.insert("older", &petition.translations.iter().any(|t| t.locale == locale && t.older));
    extra.insert("from", &form.get("from").cloned().unwrap_or_default());
    ctx.form_page(app, "dashboard/translation.html", extra, form, errors)
}

#[get("/dashboard/petitions/<id>/languages/<locale>?<from>")]
async fn edit_page(s: Signed<'_>, id: PetitionId, locale: &str, from: Option<&str>) -> WebResult<Page> {
    right(s.app, s.user, id).await?;
    let petition = editing::load(&s.app.db, id).await?;
    let texts = Texts::of_row(&translations::one(&s.app.db, id, locale).await?);
    let mut form: Posted = FIELDS.iter().map(|f| (f.to_string(), texts.get(f).to_string())).collect();
    if from == Some("wizard") {
        form.insert("from".into(), "wizard".into());
    }
    edit_view(s, (&petition, locale), (&form, &FieldErrors::new())).await
}

#[post("/dashboard/petitions/<id>/languages/<locale>", data = "<form>")]
async fn edit_submit(
    s: Signed<'_>,
    id: PetitionId,
    locale: &str,
    form: CsrfForm<Posted>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    let texts = Texts::from_form(|name| form.0.get(name).map_or("", String::as_str));
    let saved =
        with_right!(right(app, user, id).await?, can => translations::save(&app.db, &can, locale, &texts).await);
    outcome(saved, jar, ("flash-saved", back(id, &form.0)), async |errors| {
        let petition = editing::load(&app.db, id).await?;
        edit_view(s, (&petition, locale), (&form.0, &errors)).await
    })
    .await
}

#[post("/dashboard/petitions/<id>/languages/<locale>/remove", data = "<form>")]
async fn remove(s: Signed<'_>, id: PetitionId, locale: &str, form: CsrfForm<Posted>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    with_right!(right(app, user, id).await?, can => translations::remove(&app.db, &can, locale).await)?;
    flash(jar, "success", "flash-language-removed");
    Ok(Redirect::to(back(id, &form.0)))
}
