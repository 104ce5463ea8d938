//! The management link of a petition without an account: opening it (the browser keeps it),
//! the management page (its dashboard pages, revoking the links, attaching the petition to the
//! signed-in account or one of its organisations).
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use super::{forget_link, keep_link};
use crate::App;
use crate::domain::guest::{attach, links};
use crate::domain::permissions::{self, CreatePetition, DeletePetition};
use crate::domain::petition::editing;
use crate::domain::{DomainError, FieldErrors};
use crate::web::account::register::notice;
use crate::web::context::{Ctx, Visit, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::dashboard::{owner_choices, resolve_owner};
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![open, manage_page, revoke, attach_to]
}

/// A link revoked, unknown, or whose petition was attached: said, with the way to new links.
fn gone(app: &App, ctx: &Ctx) -> WebResult<Page> {
    let link = Some(("/new#links", "guest-link-ask"));
    Ok(notice(app, ctx, "guest-link-gone-title", "guest-link-gone-message", link)?.with_status(Status::NotFound))
}

#[get("/new/manage/<token>")]
async fn open(v: Visit<'_>, token: &str) -> WebResult<Result<Redirect, Page>> {
    let Visit { app, ctx, jar } = v;
    match links::manager(&app.db, token).await? {
        Some(_) => {
            keep_link(ctx, jar, token.to_string());
            Ok(Ok(Redirect::to("/new/manage")))
        }
        None => Ok(Err(gone(app, ctx)?)),
    }
}

async fn manage_view(app: &App, ctx: &Ctx, errors: &FieldErrors) -> WebResult<Page> {
    let Some(guest) = &ctx.guest else { return gone(app, ctx) };
    let petition = editing::load(&app.db, guest.petition).await?;
    let mut extra = tera::Context::new();
    extra.insert("petition", &petition);
    let owners = match &ctx.user {
        Some(user) => owner_choices::<CreatePetition>(app, user).await?,
        None => Vec::new(),
    };
    extra.insert("owners", &owners);
    extra.insert("signed_in", &ctx.user.is_some());
    ctx.form_page(app, "guest/manage.html", extra, &serde_json::json!({ "owner": "me" }), errors)
}

#[get("/new/manage")]
async fn manage_page(v: Visit<'_>) -> WebResult<Page> {
    manage_view(v.app, v.ctx, &FieldErrors::new()).await
}

#[post("/new/manage/revoke", data = "<_form>")]
async fn revoke(v: Visit<'_>, _form: CsrfForm<TokenOnly>) -> WebResult<Page> {
    let Visit { app, ctx, jar } = v;
    let Some(guest) = &ctx.guest else { return gone(app, ctx) };
    let can = permissions::guest(&app.db, &guest.user, guest.petition).await?;
    links::revoke(&app.db, &can).await?;
    forget_link(jar);
    notice(app, ctx, "guest-revoked-title", "guest-revoked-message", Some(("/new#links", "guest-link-ask")))
}

#[derive(FromForm)]
struct AttachForm {
    #[field(default = String::new())]
    owner: String,
}

/// Signed in (else sent to sign in, and back), the petition goes to the chosen owner.
#[post("/new/manage/attach", data = "<form>")]
async fn attach_to(v: Visit<'_>, form: CsrfForm<AttachForm>) -> WebResult<Result<Redirect, Page>> {
    let Visit { app, ctx, jar } = v;
    let Some(guest) = &ctx.guest else { return Ok(Err(gone(app, ctx)?)) };
    let Some(user) = &ctx.user else { return Ok(Ok(Redirect::to("/login?next=%2Fnew%2Fmanage"))) };
    let to = match resolve_owner::<CreatePetition>(app, user, &form.0.owner).await? {
        Ok(to) => to,
        Err(errors) => return Ok(Err(manage_view(app, ctx, &errors).await?.with_status(Status::UnprocessableEntity))),
    };
    let id = guest.petition;
    let manage = permissions::guest(&app.db, &guest.user, id).await?;
    let give = permissions::petition::<DeletePetition>(&app.db, &guest.user, id).await?;
    match attach::attach(&app.db, manage, give, &to).await {
        Ok(()) => {}
        Err(DomainError::Invalid(errors)) => {
            return Ok(Err(manage_view(app, ctx, &errors).await?.with_status(Status::UnprocessableEntity)));
        }
        Err(e) => return Err(e.into()),
    }
    // Not posted under `/dashboard/petitions/<id>/`: the page cache is told here of its new owner.
    app.petitions.forget(id);
    forget_link(jar);
    flash(jar, "success", "flash-guest-attached");
    Ok(Ok(Redirect::to(format!("/dashboard/petitions/{id}"))))
}
