//! A petition's page in the dashboard and its edit sections (content, signer fields, look,
//! sharing, mail, paper signatures, permalinks), status buttons, transfer and deletion.
use rocket::response::Redirect;
use rocket::{get, post, routes};

use super::form::{self, Posted};
use super::{outcome, owner_choices, owner_value, resolve_owner};
use crate::App;
use crate::domain::ids::PetitionId;
use crate::domain::moderation::premoderation;
use crate::domain::permissions::{
    self, CreatePetition, CreateTemplate, DeletePetition, Flag, ModifyPetition, PublishPetition, SeePetition,
};
use crate::domain::petition::content::{Section, SectionInput};
use crate::domain::petition::dashboard;
use crate::domain::petition::editing::{self, Editable, StatusChange};
use crate::domain::petition::petitions::Status as PetitionStatus;
use crate::domain::{DomainError, FieldErrors, petition::permalinks, petition::petitions, petition::templates};
use crate::entities::user;
use crate::web::context::{Ctx, Signed, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![
        overview,
        section_page,
        section_submit,
        add_permalink,
        remove_permalink,
        status,
        delete_page,
        delete,
        transfer_page,
        transfer,
        save_as_template
    ]
}

/// The edit sections, by URL name, with what each saves (`paper` and `permalinks` have their own).
pub(super) fn section(name: &str) -> Option<&'static [Section]> {
    Some(match name {
        "content" => &[Section::Text, Section::Goal, Section::Asides],
        "fields" => &[Section::Fields],
        "look" => &[Section::Look],
        "sharing" => &[Section::Sharing],
        "mail" => &[Section::Mail],
        "paper" | "permalinks" | "image" => &[],
        _ => return None,
    })
}

/// What the user may do with this petition, for the links a page shows.
pub(super) async fn rights(app: &App, user: &user::Model, petition: &Editable) -> WebResult<serde_json::Value> {
    let flags = [
        Flag::ModifyPetitions,
        Flag::DeletePetitions,
        Flag::ViewSignatures,
        Flag::ModifySignatures,
        Flag::DeleteSignatures,
        Flag::CreateTemplates,
        Flag::CreatePetitions,
    ];
    let held = permissions::held(&app.db, user, petition.owner, &flags).await?;
    Ok(held
        .into_iter()
        .map(|(flag, yes)| (flag.name().to_string(), yes.into()))
        .collect::<serde_json::Map<_, _>>()
        .into())
}

async fn overview_page(s: Signed<'_>, id: PetitionId, (form, errors): (&Posted, &FieldErrors)) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let petition = editing::load(&app.db, id).await?;
    let public = petitions::any_by_id(&app.db, id).await?;
    let mut extra = tera::Context::new();
    extra.insert("petition", &petition);
    extra.insert("public", &public);
    extra.insert("counts", &dashboard::counts(&app.db, id).await?);
    extra.insert("may", &rights(app, user, &petition).await?);
    ctx.form_page(app, "dashboard/petition.html", extra, form, errors)
}

#[get("/dashboard/petitions/<id>")]
async fn overview(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    let Signed { app, user, .. } = s;
    permissions::petition::<SeePetition>(&app.db, user, id).await?;
    overview_page(s, id, (&Posted::new(), &FieldErrors::new())).await
}

pub(super) fn section_view(
    app: &App,
    ctx: &Ctx,
    petition: &Editable,
    name: &str,
    (form, errors): (&Posted, &FieldErrors),
) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("petition", petition);
    extra.insert("section", name);
    extra.insert("themes", &app.views.themes());
    extra.insert("languages_panel", &super::translations::panel(app, petition));
    ctx.form_page(app, "dashboard/edit.html", extra, form, errors)
}

/// Ranked after the sections with a route of their own (`delivery::section`).
#[get("/dashboard/petitions/<id>/edit/<name>", rank = 2)]
async fn section_page(s: Signed<'_>, id: PetitionId, name: &str) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    section(name).ok_or_else(WebError::not_found)?;
    permissions::petition::<ModifyPetition>(&app.db, user, id).await?;
    let petition = editing::load(&app.db, id).await?;
    let mut form = form::posted(&SectionInput::of(&petition.content));
    form.insert("paper_signatures".into(), petition.paper_signatures.to_string());
    if let Some(image) = &petition.image {
        form.insert("image_alt".into(), image.alt.clone());
    }
    section_view(app, ctx, &petition, name, (&form, &FieldErrors::new()))
}

#[post("/dashboard/petitions/<id>/edit/<name>", data = "<form>")]
async fn section_submit(
    s: Signed<'_>,
    id: PetitionId,
    name: &str,
    form: CsrfForm<Posted>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    // Permalinks and the image have forms of their own.
    let sections =
        section(name).filter(|_| !["permalinks", "image"].contains(&name)).ok_or_else(WebError::not_found)?;
    let can = permissions::petition::<ModifyPetition>(&app.db, user, id).await?;
    let result = if name == "paper" {
        editing::set_paper_signatures(&app.db, &can, form.0.get("paper_signatures").map_or("", String::as_str)).await
    } else {
        editing::save(&app.db, &can, &form::edit(&form.0, sections, &app.views.themes())).await
    };
    let back = ("flash-saved", format!("/dashboard/petitions/{id}/edit/{name}"));
    outcome(result, jar, back, async |errors| {
        let petition = editing::load(&app.db, id).await?;
        section_view(app, ctx, &petition, name, (&form.0, &errors))
    })
    .await
}

#[post("/dashboard/petitions/<id>/permalinks", data = "<form>")]
async fn add_permalink(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let can = permissions::petition::<ModifyPetition>(&app.db, user, id).await?;
    let petition = editing::load(&app.db, id).await?;
    let wanted = form.0.get("slug").map_or("", String::as_str);
    let result = permalinks::add(&app.db, &can, petition.owner, wanted).await.map(|_| ());
    let back = ("flash-permalink-added", format!("/dashboard/petitions/{id}/edit/permalinks"));
    outcome(result, jar, back, async |errors| section_view(app, ctx, &petition, "permalinks", (&form.0, &errors))).await
}

#[post("/dashboard/petitions/<id>/permalinks/remove", data = "<form>")]
async fn remove_permalink(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<ModifyPetition>(&app.db, user, id).await?;
    permalinks::remove(&app.db, &can, form.0.get("slug").map_or("", String::as_str)).await?;
    flash(jar, "success", "flash-permalink-removed");
    Ok(Redirect::to(format!("/dashboard/petitions/{id}/edit/permalinks")))
}

#[post("/dashboard/petitions/<id>/status", data = "<form>")]
async fn status(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<PublishPetition>(&app.db, user, id).await?;
    let change = form.0.get("change").and_then(|c| StatusChange::parse(c));
    let Some(change) = change else { return Err(WebError::new(rocket::http::Status::BadRequest, "error-bad-request")) };
    let review = premoderation::policy(&app.settings);
    let result = editing::set_status(&app.db, &can, change, (user, review)).await;
    let message = match result {
        Ok(PetitionStatus::Draft) => "flash-status-draft",
        Ok(PetitionStatus::Published) => "flash-status-published",
        _ => "flash-status-closed",
    };
    let back = (message, format!("/dashboard/petitions/{id}"));
    outcome(result.map(|_| ()), jar, back, async |errors| overview_page(s, id, (&form.0, &errors)).await).await
}

/// Deleting asks first, on a page of its own (no script to pop a dialog).
#[get("/dashboard/petitions/<id>/delete")]
async fn delete_page(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    permissions::petition::<DeletePetition>(&app.db, user, id).await?;
    let mut extra = tera::Context::new();
    extra.insert("petition", &editing::load(&app.db, id).await?);
    extra.insert("counts", &dashboard::counts(&app.db, id).await?);
    ctx.page(app, "dashboard/delete.html", extra)
}

#[post("/dashboard/petitions/<id>/delete", data = "<_form>")]
async fn delete(s: Signed<'_>, id: PetitionId, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<DeletePetition>(&app.db, user, id).await?;
    editing::delete(&app.db, can).await?;
    flash(jar, "success", "flash-petition-deleted");
    Ok(Redirect::to("/dashboard"))
}

async fn transfer_view(s: Signed<'_>, id: PetitionId, (form, errors): (&Posted, &FieldErrors)) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let petition = editing::load(&app.db, id).await?;
    let current = owner_value(app, petition.owner).await?;
    let choices: Vec<_> =
        owner_choices::<CreatePetition>(app, user).await?.into_iter().filter(|c| c.value != current).collect();
    let mut extra = tera::Context::new();
    extra.insert("petition", &petition);
    extra.insert("owners", &choices);
    ctx.form_page(app, "dashboard/transfer.html", extra, form, errors)
}

/// Giving a petition away removes it from its owner: it needs the right to delete there, and
/// the right to create petitions at the new owner.
#[get("/dashboard/petitions/<id>/transfer")]
async fn transfer_page(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    let Signed { app, user, .. } = s;
    permissions::petition::<DeletePetition>(&app.db, user, id).await?;
    transfer_view(s, id, (&Posted::new(), &FieldErrors::new())).await
}

#[post("/dashboard/petitions/<id>/transfer", data = "<form>")]
async fn transfer(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<DeletePetition>(&app.db, user, id).await?;
    let result =
        match resolve_owner::<CreatePetition>(app, user, form.0.get("owner").map_or("", String::as_str)).await? {
            Ok(to) => editing::transfer(&app.db, can, &to).await,
            Err(errors) => Err(DomainError::Invalid(errors)),
        };
    let back = ("flash-petition-transferred", format!("/dashboard/petitions/{id}"));
    outcome(result, jar, back, async |errors| transfer_view(s, id, (&form.0, &errors)).await).await
}

#[post("/dashboard/petitions/<id>/save-template", data = "<form>")]
async fn save_as_template(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    permissions::petition::<SeePetition>(&app.db, user, id).await?;
    let petition = editing::load(&app.db, id).await?;
    let can = permissions::owner::<CreateTemplate>(&app.db, user, petition.owner, &app.instance.get()).await?;
    let name = form.0.get("name").map_or("", String::as_str);
    let created = templates::create(&app.db, &can, name, &petition.content).await;
    let to = created.as_ref().map(|t| format!("/dashboard/templates/{t}/edit/content")).unwrap_or_default();
    outcome(created.map(|_| ()), jar, ("flash-template-saved", to), async |errors| {
        overview_page(s, id, (&form.0, &errors)).await
    })
    .await
}
