//! Petition templates: the list, creating one, editing it with the petition's own section
//! forms, making it the default, and deleting it (after a confirmation page, as a petition).
use rocket::response::Redirect;
use rocket::{get, post, routes};
use serde::Serialize;

use super::edit::section;
use super::form::{self, Posted};
use super::{outcome, owner_choices, resolve_owner};
use crate::App;
use crate::domain::ids::{OrganisationId, TemplateId, UserId};
use crate::domain::permissions::{self, CreateTemplate, DeleteTemplate, Flag, ModifyTemplate};
use crate::domain::petition::content::{Content, Section, SectionInput};
use crate::domain::petition::petitions::OwnerId;
use crate::domain::{DomainError, FieldErrors, organisation::organisations, petition::templates};
use crate::entities::user;
use crate::web::context::{Ctx, Signed, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![list, create, section_page, section_submit, set_default, delete_page, delete]
}

#[derive(Serialize)]
struct Entry {
    template: templates::Template,
    /// The organisation's name; empty for the user's own.
    owner_name: String,
    may_modify: bool,
    may_delete: bool,
}

async fn list_view(
    app: &App,
    ctx: &Ctx,
    user: &user::Model,
    (form, errors): (&Posted, &FieldErrors),
) -> WebResult<Page> {
    let mut owners = vec![(OwnerId::User(UserId(user.id)), String::new())];
    for org in organisations::of_user(&app.db, UserId(user.id)).await? {
        owners.push((OwnerId::Organisation(OrganisationId(org.id)), org.name));
    }
    let ids: Vec<OwnerId> = owners.iter().map(|(o, _)| *o).collect();
    // What the user holds is asked once per owner, not per template.
    let mut held = Vec::new();
    for (owner, name) in owners {
        let flags = permissions::held(&app.db, user, owner, &[Flag::ModifyTemplates, Flag::DeleteTemplates]).await?;
        held.push((owner, name, flags[0].1, flags[1].1));
    }
    let entries: Vec<Entry> = templates::of_owners(&app.db, &ids)
        .await?
        .into_iter()
        .map(|template| {
            let (_, name, modify, delete) = held.iter().find(|(o, ..)| *o == template.owner).cloned().unwrap_or((
                template.owner,
                String::new(),
                false,
                false,
            ));
            Entry { may_modify: modify, may_delete: delete, owner_name: name, template }
        })
        .collect();
    let mut extra = tera::Context::new();
    extra.insert("templates", &entries);
    extra.insert("owners", &owner_choices::<CreateTemplate>(app, user).await?);
    ctx.form_page(app, "dashboard/templates.html", extra, form, errors)
}

#[get("/dashboard/templates")]
async fn list(s: Signed<'_>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let form = Posted::from([("owner".into(), "me".into())]);
    list_view(app, ctx, user, (&form, &FieldErrors::new())).await
}

#[post("/dashboard/templates", data = "<form>")]
async fn create(s: Signed<'_>, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let result =
        match resolve_owner::<CreateTemplate>(app, user, form.0.get("owner").map_or("", String::as_str)).await? {
            Ok(owner) => {
                let name = form.0.get("name").map_or("", String::as_str);
                templates::create(&app.db, &owner, name, &Content::default()).await
            }
            Err(errors) => Err(DomainError::Invalid(errors)),
        };
    let to = result.as_ref().map(|id| format!("/dashboard/templates/{id}/edit/content")).unwrap_or_default();
    outcome(result.map(|_| ()), jar, ("flash-template-created", to), async |errors| {
        list_view(app, ctx, user, (&form.0, &errors)).await
    })
    .await
}

fn section_view(
    app: &App,
    ctx: &Ctx,
    template: &templates::Template,
    name: &str,
    (form, errors): (&Posted, &FieldErrors),
) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("template", template);
    extra.insert("section", name);
    extra.insert("themes", &app.views.themes());
    ctx.form_page(app, "dashboard/template_edit.html", extra, form, errors)
}

/// Templates have the petition's sections except paper signatures, permalinks and the image, which belong
/// to one petition.
fn template_section(name: &str) -> Option<&'static [Section]> {
    match name {
        "content" => Some(&[Section::TemplateText, Section::Goal]),
        "paper" | "permalinks" | "image" => None,
        _ => section(name),
    }
}

#[get("/dashboard/templates/<id>/edit/<name>")]
async fn section_page(s: Signed<'_>, id: TemplateId, name: &str) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    template_section(name).ok_or_else(WebError::not_found)?;
    permissions::template::<ModifyTemplate>(&app.db, user, id).await?;
    let template = templates::load(&app.db, id).await?;
    let mut form = form::posted(&SectionInput::of(&template.content));
    form.insert("name".into(), template.name.clone());
    section_view(app, ctx, &template, name, (&form, &FieldErrors::new()))
}

#[post("/dashboard/templates/<id>/edit/<name>", data = "<form>")]
async fn section_submit(
    s: Signed<'_>,
    id: TemplateId,
    name: &str,
    form: CsrfForm<Posted>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let sections = template_section(name).ok_or_else(WebError::not_found)?;
    let can = permissions::template::<ModifyTemplate>(&app.db, user, id).await?;
    // The content section also carries the template's name.
    let mut result = Ok(());
    if name == "content" {
        result = templates::rename(&app.db, &can, form.0.get("name").map_or("", String::as_str)).await;
    }
    let saved = templates::save(&app.db, &can, &form::edit(&form.0, sections, &app.views.themes())).await;
    let result = match (result, saved) {
        (Err(DomainError::Invalid(mut a)), Err(DomainError::Invalid(b))) => {
            a.extend(b);
            Err(DomainError::Invalid(a))
        }
        (Err(e), _) | (Ok(()), Err(e)) => Err(e),
        (Ok(()), Ok(())) => Ok(()),
    };
    outcome(result, jar, ("flash-saved", format!("/dashboard/templates/{id}/edit/{name}")), async |errors| {
        let template = templates::load(&app.db, id).await?;
        section_view(app, ctx, &template, name, (&form.0, &errors))
    })
    .await
}

#[post("/dashboard/templates/<id>/default", data = "<form>")]
async fn set_default(s: Signed<'_>, id: TemplateId, form: CsrfForm<Posted>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::template::<ModifyTemplate>(&app.db, user, id).await?;
    let on = form.0.get("on").is_some_and(|v| v == "true");
    templates::set_default(&app.db, &can, on).await?;
    flash(jar, "success", "flash-saved");
    Ok(Redirect::to("/dashboard/templates"))
}

/// Asks before deleting: the list links here, and only this page's button posts the deletion.
#[get("/dashboard/templates/<id>/delete")]
async fn delete_page(s: Signed<'_>, id: TemplateId) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    permissions::template::<DeleteTemplate>(&app.db, user, id).await?;
    let mut extra = tera::Context::new();
    extra.insert("template", &templates::load(&app.db, id).await?);
    ctx.page(app, "dashboard/template_delete.html", extra)
}

#[post("/dashboard/templates/<id>/delete", data = "<_form>")]
async fn delete(s: Signed<'_>, id: TemplateId, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::template::<DeleteTemplate>(&app.db, user, id).await?;
    templates::delete(&app.db, can).await?;
    flash(jar, "success", "flash-template-deleted");
    Ok(Redirect::to("/dashboard/templates"))
}
