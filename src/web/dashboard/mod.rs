//! The organiser's dashboard: the petition list, the creation wizard, editing, templates, and
//! each petition's signatures and statistics. Every route asks the permission service for the
//! capability its domain call requires.
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{get, routes};
use serde::Serialize;

use super::context::{Signed, flash};
use super::error::WebResult;
use super::page::{Page, query_string};
use crate::App;
use crate::domain::ids::{OrganisationId, UserId};
use crate::domain::permissions::{self, OwnerRight};
use crate::domain::petition::dashboard::{self, Filter};
use crate::domain::petition::petitions::{OwnerId, Status as PetitionStatus};
use crate::domain::{DomainError, DomainResult, FieldErrors, organisation::organisations};
use crate::entities::user;

mod delivery;
mod edit;
mod form;
mod image;
mod notifications;
mod signatures;
mod templates;
mod translations;
mod updates;
mod wizard;

pub fn routes() -> Vec<rocket::Route> {
    let mut all = routes![home];
    all.extend(wizard::routes());
    all.extend(edit::routes());
    all.extend(delivery::routes());
    all.extend(image::routes());
    all.extend(notifications::routes());
    all.extend(templates::routes());
    all.extend(signatures::routes());
    all.extend(translations::routes());
    all.extend(updates::routes());
    all
}

#[get("/dashboard?<status>&<owner>&<q>&<page>")]
async fn home(
    s: Signed<'_>,
    status: Option<&str>,
    owner: Option<&str>,
    q: Option<&str>,
    page: Option<u64>,
) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let filter = Filter {
        status: status.filter(|s| !s.is_empty()).map(PetitionStatus::parse),
        owner: owner.filter(|s| !s.is_empty()).map(str::to_string),
        query: q.unwrap_or("").to_string(),
        page: page.unwrap_or(1),
    };
    let listing = dashboard::list(&app.db, user, &filter).await?;
    let may_create_org = permissions::create_organisation(user, app.instance.get().organisation_creation).is_ok();
    let mut extra = tera::Context::new();
    extra.insert("listing", &listing);
    extra.insert(
        "filter",
        &serde_json::json!({
            "status": status.unwrap_or(""), "owner": owner.unwrap_or(""), "q": q.unwrap_or(""),
        }),
    );
    extra.insert("can_create_organisation", &may_create_org);
    extra.insert("page_query", &query_string(&[("status", status), ("owner", owner), ("q", q)]));
    ctx.page(app, "dashboard/index.html", extra)
}

/// An owner the user may pick in a form: themselves, or one of their organisations.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OwnerChoice {
    /// `me` or the organisation's slug.
    pub value: String,
    /// The organisation's name; empty for "me" (the template says "myself").
    pub name: String,
}

/// The owners for which `user` holds right `R` (themselves first, unless the instance allows
/// no personal petitions).
pub(crate) async fn owner_choices<R: OwnerRight>(app: &App, user: &user::Model) -> WebResult<Vec<OwnerChoice>> {
    let instance = app.instance.get();
    let mut choices = Vec::new();
    if permissions::owner::<R>(&app.db, user, permissions::me(user), &instance).await.is_ok() {
        choices.push(OwnerChoice { value: "me".into(), name: String::new() });
    }
    for org in organisations::of_user(&app.db, UserId(user.id)).await? {
        let owner = OwnerId::Organisation(OrganisationId(org.id));
        if permissions::owner::<R>(&app.db, user, owner, &instance).await.is_ok() {
            choices.push(OwnerChoice { value: org.slug, name: org.name });
        }
    }
    Ok(choices)
}

/// The owner a form names — `me`, or an organisation the user belongs to (any, for an admin) —
/// with right `R` on it. A name that is none of theirs is a wrong choice (a field error); a
/// member without the right gets 403, as everywhere.
pub(crate) async fn resolve_owner<R: OwnerRight>(
    app: &App,
    user: &user::Model,
    value: &str,
) -> WebResult<Result<permissions::Allowed<R, OwnerId>, FieldErrors>> {
    let owner = match value {
        "me" => Some(permissions::me(user)),
        slug => organisations::find_by_slug(&app.db, slug).await?.map(|o| OwnerId::Organisation(OrganisationId(o.id))),
    };
    let wrong = || Ok(Err(FieldErrors::from([("owner", "error-choice-invalid")])));
    // One question of the permission service: not a member is a wrong choice, not a 404.
    match owner {
        Some(owner) => match permissions::owner::<R>(&app.db, user, owner, &app.instance.get()).await {
            Err(crate::domain::DomainError::NotFound) => wrong(),
            // A choice the rules refuse (a suspended organisation) is explained beside the field.
            Err(crate::domain::DomainError::Refused(message)) => Ok(Err(FieldErrors::from([("owner", message)]))),
            can => Ok(Ok(can?)),
        },
        None => wrong(),
    }
}

/// The form value naming `owner` (`me` for the user, else the organisation's slug).
pub(super) async fn owner_value(app: &App, owner: OwnerId) -> WebResult<String> {
    match owner {
        OwnerId::User(_) => Ok("me".into()),
        OwnerId::Organisation(o) => Ok(organisations::by_id(&app.db, o).await?.slug),
    }
}

/// A page sent back with the errors of a refused form.
pub(super) fn invalid(page: Page) -> Page {
    page.with_status(Status::UnprocessableEntity)
}

/// What a dashboard form answers: when saved, a flash message and a redirect; when a rule refused
/// it, the page again (422) built by `again` with the errors next to the fields and what was typed.
pub(super) async fn outcome<F, Fut>(
    result: DomainResult<()>,
    jar: &CookieJar<'_>,
    (message, to): (&str, String),
    again: F,
) -> WebResult<Result<Redirect, Page>>
where
    F: FnOnce(FieldErrors) -> Fut,
    Fut: Future<Output = WebResult<Page>>,
{
    match result {
        Ok(()) => {
            flash(jar, "success", message);
            Ok(Ok(Redirect::to(to)))
        }
        Err(DomainError::Invalid(errors)) => Ok(Err(invalid(again(errors).await?))),
        Err(e) => Err(e.into()),
    }
}
