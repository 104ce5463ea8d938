//! The reasons the report form offers, edited by admins (`ManageInstance`): a label per
//! language of the instance, retired rather than deleted (reports keep the reason they named).
use std::collections::HashMap;

use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::domain::moderation::reasons::{self, ReasonInput};
use crate::domain::permissions::{self, Allowed, ManageInstance};
use crate::domain::{DomainError, FieldErrors, now};
use crate::web::context::{Ctx, Signed, flash};
use crate::web::csrf::CsrfForm;
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![page, add, edit]
}

#[derive(FromForm)]
struct ReasonForm {
    /// `label[en]`, `label[fr]`…: one per language of the instance.
    #[field(default = HashMap::new())]
    label: HashMap<String, String>,
    #[field(default = false)]
    active: bool,
}

/// The page, with `errors` beside the form of reason `failed` (0: the new one) and what was typed.
async fn view(
    app: &App,
    ctx: &Ctx,
    can: &Allowed<ManageInstance, ()>,
    failed: i64,
    (typed, errors): (&HashMap<String, String>, &FieldErrors),
) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("reasons", &reasons::editable(&app.db, can).await?);
    extra.insert("locales", &app.i18n.codes().collect::<Vec<_>>());
    extra.insert("default_locale", app.i18n.default_locale());
    extra.insert("failed", &failed);
    extra.insert("typed", typed);
    extra.insert("label_max", &reasons::LABEL_MAX);
    ctx.form_page(app, "admin/moderation/reasons.html", extra, &serde_json::json!({}), errors)
}

#[get("/admin/moderation/reasons")]
async fn page(s: Signed<'_>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::instance(user)?;
    view(app, ctx, &can, -1, (&HashMap::new(), &FieldErrors::new())).await
}

async fn save(s: Signed<'_>, id: Option<i64>, form: ReasonForm) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let can = permissions::instance(user)?;
    let labels = app.i18n.codes().map(|code| (code.to_string(), form.label.get(code).cloned().unwrap_or_default()));
    let input = ReasonInput { id, labels: labels.collect(), active: id.is_none() || form.active };
    match reasons::save(&app.db, &can, (user, now()), input, app.i18n.default_locale()).await {
        Ok(_) => {
            flash(jar, "success", "flash-reason-saved");
            Ok(Ok(Redirect::to("/admin/moderation/reasons")))
        }
        Err(DomainError::Invalid(errors)) => {
            let page = view(app, ctx, &can, id.unwrap_or(0), (&form.label, &errors)).await?;
            Ok(Err(page.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}

#[post("/admin/moderation/reasons", data = "<form>")]
async fn add(s: Signed<'_>, form: CsrfForm<ReasonForm>) -> WebResult<Result<Redirect, Page>> {
    save(s, None, form.0).await
}

#[post("/admin/moderation/reasons/<id>", data = "<form>")]
async fn edit(s: Signed<'_>, id: i64, form: CsrfForm<ReasonForm>) -> WebResult<Result<Redirect, Page>> {
    save(s, Some(id), form.0).await
}
