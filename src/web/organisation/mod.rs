//! Organisations: their public page, creation, the dashboard's members page (invite, set
//! permissions, remove, leave), answering an invitation, and (in `profile`) the public profile. Every action asks the permission
//! service for its capability.
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::domain::ids::{OrganisationId, UserId};
use crate::domain::organisation::organisations::{self, OrganisationInput};
use crate::domain::permissions::{
    self, AddMembers, Allowed, Flag, ModifyPermissions, OrganisationRight, RemoveMembers, SeeOrganisation,
};
use crate::domain::{DomainError, FieldErrors, organisation::invitations, petition::petitions};
use crate::entities::{organisation, user};
use crate::web::context::{AppState, Ctx, Signed, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::WebResult;
use crate::web::page::Page;

mod profile;

pub fn routes() -> Vec<rocket::Route> {
    let mut all = routes![
        public_page,
        new_page,
        create,
        members_page,
        invite,
        set_permissions,
        remove,
        leave,
        invitation_page,
        accept,
        decline
    ];
    all.extend(profile::routes());
    all
}

#[get("/o/<slug>")]
async fn public_page(app: &AppState, ctx: &Ctx, slug: &str) -> WebResult<Page> {
    let org = organisations::by_slug(&app.db, slug).await?;
    let list = petitions::list_public_of_organisation(&app.db, OrganisationId(org.id), 100).await?;
    let mut extra = tera::Context::new();
    extra.insert("organisation", &serde_json::json!({ "name": org.name, "slug": org.slug, "website": org.website }));
    extra.insert("logo", &crate::domain::organisation::profile::logo(&app.db, OrganisationId(org.id)).await?);
    extra.insert("description_html", &petitions::render_markdown(&org.description));
    extra.insert("petitions", &list);
    ctx.page(app, "org/public.html", extra)
}

fn may_create_organisations(app: &App, user: &user::Model) -> WebResult<Allowed<permissions::CreateOrganisation, ()>> {
    Ok(permissions::create_organisation(user, app.instance.get().organisation_creation)?)
}

#[derive(FromForm, Default, serde::Serialize)]
struct OrganisationForm {
    #[field(default = String::new())]
    slug: String,
    #[field(default = String::new())]
    name: String,
    #[field(default = String::new())]
    description: String,
    #[field(default = String::new())]
    website: String,
}

fn new_form(app: &App, ctx: &Ctx, form: &OrganisationForm, errors: &FieldErrors) -> WebResult<Page> {
    ctx.form_page(app, "org/new.html", tera::Context::new(), form, errors)
}

#[get("/organisations/new")]
async fn new_page(s: Signed<'_>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    may_create_organisations(app, user)?;
    new_form(app, ctx, &OrganisationForm::default(), &FieldErrors::new())
}

#[post("/organisations/new", data = "<form>")]
async fn create(s: Signed<'_>, form: CsrfForm<OrganisationForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let can = may_create_organisations(app, user)?;
    let form = form.0;
    let input = OrganisationInput {
        slug: form.slug.clone(),
        name: form.name.clone(),
        description: form.description.clone(),
        website: form.website.clone(),
    };
    match organisations::create(&app.db, &can, UserId(user.id), input).await {
        Ok(org) => {
            flash(jar, "success", "flash-organisation-created");
            Ok(Ok(Redirect::to(format!("/dashboard/o/{}/members", org.slug))))
        }
        Err(DomainError::Invalid(errors)) => {
            Ok(Err(new_form(app, ctx, &form, &errors)?.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}

/// The organisation of a dashboard route with right `R` on it: 404 to outsiders (the
/// dashboard does not confirm that an organisation exists), 403 to members without the right.
async fn org_with<R: OrganisationRight>(
    app: &App,
    user: &user::Model,
    slug: &str,
) -> WebResult<(Allowed<R, OrganisationId>, organisation::Model)> {
    let org = organisations::by_slug(&app.db, slug).await?;
    Ok((permissions::organisation::<R>(&app.db, user, OrganisationId(org.id)).await?, org))
}

async fn members_view(
    s: Signed<'_>,
    org: &organisation::Model,
    form: serde_json::Value,
    errors: &FieldErrors,
) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let id = OrganisationId(org.id);
    let members = organisations::members(&app.db, id).await?;
    let flags = [Flag::AddMembers, Flag::RemoveMembers, Flag::ModifyPermissions, Flag::EditProfile];
    let held =
        permissions::held(&app.db, user, crate::domain::petition::petitions::OwnerId::Organisation(id), &flags).await?;
    let may: serde_json::Map<_, _> =
        held.into_iter().map(|(flag, yes)| (flag.name().to_string(), yes.into())).collect();
    let mut extra = tera::Context::new();
    extra.insert("organisation", &serde_json::json!({ "name": org.name, "slug": org.slug }));
    extra.insert("members", &members);
    extra.insert("may", &may);
    extra.insert("is_member", &organisations::membership(&app.db, id, UserId(user.id)).await?.is_some());
    extra.insert("flags", &Flag::ALL);
    ctx.form_page(app, "org/members.html", extra, &form, errors)
}

#[get("/dashboard/o/<slug>/members")]
async fn members_page(s: Signed<'_>, slug: &str) -> WebResult<Page> {
    let Signed { app, user, .. } = s;
    let (_, org) = org_with::<SeeOrganisation>(app, user, slug).await?;
    members_view(s, &org, serde_json::json!({}), &FieldErrors::new()).await
}

#[derive(FromForm)]
struct InviteForm {
    #[field(default = String::new())]
    invitee: String,
}

#[post("/dashboard/o/<slug>/invite", data = "<form>")]
async fn invite(s: Signed<'_>, slug: &str, form: CsrfForm<InviteForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    let (can, org) = org_with::<AddMembers>(app, user, slug).await?;
    match invitations::invite(&app.db, (&can, &org), user, &form.0.invitee, &app.composer).await {
        Ok(()) => {
            flash(jar, "success", "flash-invitation-sent");
            Ok(Ok(Redirect::to(format!("/dashboard/o/{slug}/members"))))
        }
        Err(DomainError::Invalid(errors)) => {
            let sent = serde_json::json!({ "invitee": form.0.invitee });
            Ok(Err(members_view(s, &org, sent, &errors).await?.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}

/// The checked boxes of the permissions form: one field per flag, present when checked.
#[derive(FromForm)]
struct PermissionsForm {
    #[field(default = Vec::new())]
    flag: Vec<String>,
}

/// What every members-page action answers: back to the page with a flash, or the page again
/// with the rule that refused (the last-admin rules).
async fn members_outcome(
    s: Signed<'_>,
    org: &organisation::Model,
    result: Result<(), DomainError>,
    (flash_key, to): (&str, String),
) -> WebResult<Result<Redirect, Page>> {
    match result {
        Ok(()) => {
            flash(s.jar, "success", flash_key);
            Ok(Ok(Redirect::to(to)))
        }
        Err(DomainError::Refused(message)) => {
            let errors = FieldErrors::from([("members", message)]);
            let page = members_view(s, org, serde_json::json!({}), &errors).await?;
            Ok(Err(page.with_status(Status::Conflict)))
        }
        Err(e) => Err(e.into()),
    }
}

#[post("/dashboard/o/<slug>/members/<member>/permissions", data = "<form>")]
async fn set_permissions(
    s: Signed<'_>,
    slug: &str,
    member: UserId,
    form: CsrfForm<PermissionsForm>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, .. } = s;
    let (can, org) = org_with::<ModifyPermissions>(app, user, slug).await?;
    let flags: Vec<Flag> = Flag::ALL.into_iter().filter(|f| form.0.flag.iter().any(|name| name == f.name())).collect();
    let result = organisations::set_permissions(&app.db, &can, member, &flags).await;
    let back = ("flash-saved", format!("/dashboard/o/{slug}/members"));
    members_outcome(s, &org, result, back).await
}

#[post("/dashboard/o/<slug>/members/<member>/remove", data = "<_form>")]
async fn remove(
    s: Signed<'_>,
    slug: &str,
    member: UserId,
    _form: CsrfForm<TokenOnly>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, .. } = s;
    let (can, org) = org_with::<RemoveMembers>(app, user, slug).await?;
    let result = organisations::remove_member(&app.db, &can, member).await;
    let back = ("flash-member-removed", format!("/dashboard/o/{slug}/members"));
    members_outcome(s, &org, result, back).await
}

/// Leaving needs no flag: any member may go (unless they are the last who can manage it).
#[post("/dashboard/o/<slug>/leave", data = "<_form>")]
async fn leave(s: Signed<'_>, slug: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, .. } = s;
    let (can, org) = org_with::<SeeOrganisation>(app, user, slug).await?;
    let result = organisations::leave(&app.db, &can, UserId(user.id)).await;
    members_outcome(s, &org, result, ("flash-left", "/dashboard".into())).await
}

/// The link in an invitation mail. Anonymous visitors are asked to sign in or register.
#[get("/invitations/<token>")]
async fn invitation_page(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    let pending = invitations::show(&app.db, token).await?;
    let mut extra = tera::Context::new();
    extra.insert("invitation", &pending);
    extra.insert("token", token);
    ctx.page(app, "org/invitation.html", extra)
}

#[post("/invitations/<token>/accept", data = "<_form>")]
async fn accept(s: Signed<'_>, token: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let org = invitations::accept(&app.db, token, user).await?;
    flash(jar, "success", "flash-joined");
    Ok(Redirect::to(format!("/dashboard/o/{}/members", org.slug)))
}

#[post("/invitations/<token>/decline", data = "<_form>")]
async fn decline(s: Signed<'_>, token: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    invitations::decline(&app.db, token, user).await?;
    flash(jar, "info", "flash-declined");
    Ok(Redirect::to("/dashboard"))
}
