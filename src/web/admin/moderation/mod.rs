//! The moderation queue (`Moderate`): open reports grouped per petition, the petitions waiting
//! for approval, one petition's case with its actions, and what can be undone.
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::domain::ids::{OrganisationId, PetitionId, UserId};
use crate::domain::moderation::actions::Review;
use crate::domain::moderation::{self, Act, actions, queue, reasons, suspension};
use crate::domain::permissions::{self, Allowed, Moderate};
use crate::domain::{DomainError, FieldErrors, now};
use crate::web::context::{Ctx, Signed, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

mod reasons_page;

pub fn routes() -> Vec<rocket::Route> {
    let mut all =
        routes![queue_page, case_page, petition_action, withheld_page, unsuspend_user, unsuspend_organisation];
    all.extend(reasons_page::routes());
    all
}

/// The reader's language, then the instance's.
fn langs<'a>(app: &'a App, ctx: &'a Ctx) -> (&'a str, &'a str) {
    (&ctx.lang, app.i18n.default_locale())
}

/// A moment as the reader's language writes it.
fn when(app: &App, ctx: &Ctx, at: chrono::DateTime<chrono::Utc>) -> String {
    app.i18n.date(&ctx.lang, at, crate::i18n::format::Style::DateTime)
}

#[get("/admin/moderation?<page>")]
async fn queue_page(s: Signed<'_>, page: Option<u64>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::moderation(user)?;
    let q = queue::list(&app.db, &can, page.unwrap_or(1), langs(app, ctx)).await?;
    let latest: Vec<String> = q.entries.iter().map(|e| when(app, ctx, e.latest)).collect();
    let mut extra = tera::Context::new();
    extra.insert("queue", &q);
    extra.insert("latest", &latest);
    extra.insert("page_query", "");
    ctx.page(app, "admin/moderation/queue.html", extra)
}

/// What a moderator types with an action.
#[derive(FromForm, Default, serde::Serialize)]
struct ActionForm {
    #[field(default = String::new())]
    reason: String,
    #[field(default = String::new())]
    note: String,
}

async fn case_view(
    app: &App,
    ctx: &Ctx,
    can: &Allowed<Moderate, ()>,
    id: PetitionId,
    (failed, form, errors): (&str, &ActionForm, &FieldErrors),
) -> WebResult<Page> {
    let case = queue::case(&app.db, can, id, langs(app, ctx)).await?;
    let reported: Vec<String> = case.reports.iter().map(|r| when(app, ctx, r.at)).collect();
    let mut extra = tera::Context::new();
    extra.insert("case", &case);
    extra.insert("reported", &reported);
    extra.insert("reasons", &reasons::offered(&app.db, langs(app, ctx)).await?);
    extra.insert("note_max", &moderation::NOTE_MAX);
    // The action whose form was sent with a mistake: its errors and text show there alone.
    extra.insert("failed", failed);
    ctx.form_page(app, "admin/moderation/case.html", extra, form, errors)
}

#[get("/admin/moderation/petitions/<id>")]
async fn case_page(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::moderation(user)?;
    case_view(app, ctx, &can, id, ("", &ActionForm::default(), &FieldErrors::new())).await
}

/// One action on a petition: hide, unhide, dismiss, approve, refuse, suspend-owner or
/// unsuspend-owner, with the moderator's note.
#[post("/admin/moderation/petitions/<id>/<action>", data = "<form>")]
#[allow(clippy::too_many_arguments)]
async fn petition_action(
    s: Signed<'_>,
    id: PetitionId,
    action: &str,
    form: CsrfForm<ActionForm>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let can = permissions::moderation(user)?;
    let form = form.0;
    let act = Act { by: user, note: &form.note, now: now() };
    let (done, message) = match action {
        "hide" => {
            let reason = form.reason.trim().parse().ok();
            (actions::hide(&app.db, &can, (id, reason), act, &app.composer).await, "flash-moderation-hidden")
        }
        "unhide" => (actions::review(&app.db, &can, id, Review::Unhide, act).await, "flash-moderation-unhidden"),
        "dismiss" => (actions::review(&app.db, &can, id, Review::Dismiss, act).await, "flash-moderation-dismissed"),
        "approve" => (actions::review(&app.db, &can, id, Review::Approve, act).await, "flash-moderation-approved"),
        "refuse" => (actions::refuse(&app.db, &can, id, act, &app.composer).await, "flash-moderation-refused"),
        "suspend-owner" => {
            (suspension::owner_of_petition(&app.db, &can, id, act, true).await, "flash-moderation-suspended")
        }
        "unsuspend-owner" => {
            (suspension::owner_of_petition(&app.db, &can, id, act, false).await, "flash-moderation-unsuspended")
        }
        _ => return Err(WebError::not_found()),
    };
    match done {
        Ok(()) => {}
        Err(DomainError::Invalid(errors)) => {
            let page = case_view(app, ctx, &can, id, (action, &form, &errors)).await?;
            return Ok(Err(page.with_status(Status::UnprocessableEntity)));
        }
        Err(e) => return Err(e.into()),
    }
    // A suspension changes every petition of the owner: the public cache starts afresh.
    if action.ends_with("suspend-owner") {
        app.petitions.clear()
    } else {
        app.petitions.forget(id)
    }
    flash(jar, "success", message);
    Ok(Ok(Redirect::to(format!("/admin/moderation/petitions/{id}"))))
}

#[get("/admin/moderation/withheld")]
async fn withheld_page(s: Signed<'_>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::moderation(user)?;
    let mut extra = tera::Context::new();
    extra.insert("undoable", &suspension::undoable(&app.db, &can).await?);
    ctx.page(app, "admin/moderation/withheld.html", extra)
}

/// Restores a suspended account.
#[post("/admin/moderation/users/<id>/unsuspend", data = "<_form>")]
async fn unsuspend_user(s: Signed<'_>, id: UserId, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::moderation(user)?;
    suspension::user(&app.db, &can, (id, false), Act { by: user, note: "", now: now() }).await?;
    restored(app, jar)
}

/// Restores a suspended organisation.
#[post("/admin/moderation/organisations/<id>/unsuspend", data = "<_form>")]
async fn unsuspend_organisation(s: Signed<'_>, id: OrganisationId, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::moderation(user)?;
    suspension::organisation(&app.db, &can, (id, false), Act { by: user, note: "", now: now() }).await?;
    restored(app, jar)
}

/// After a restoration: every petition of the owner may be public again.
fn restored(app: &App, jar: &CookieJar<'_>) -> WebResult<Redirect> {
    app.petitions.clear();
    flash(jar, "success", "flash-moderation-unsuspended");
    Ok(Redirect::to("/admin/moderation/withheld"))
}
