//! An organisation's public profile form (`/dashboard/o/<org>/profile`): name, description,
//! website, and the logo (its own multipart form), for admins and members holding
//! `edit_profile`; and the logo's public address.
use rocket::data::Capped;
use rocket::http::{ContentType, CookieJar, Header, Status};
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use super::org_with;
use crate::App;
use crate::domain::ids::OrganisationId;
use crate::domain::organisation::profile::{self, ProfileInput};
use crate::domain::permissions::EditProfile;
use crate::domain::{DomainError, DomainResult, FieldErrors, now};
use crate::entities::organisation;
use crate::web::assets::Jpeg;
use crate::web::context::{AppState, Ctx, Signed, SignedIn, flash};
use crate::web::csrf::{CsrfForm, CsrfUpload, TokenOnly, WithToken, upload_bytes};
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![profile_page, save, upload_logo, remove_logo, logo]
}

#[derive(FromForm)]
struct ProfileForm {
    #[field(default = String::new())]
    name: String,
    #[field(default = String::new())]
    description: String,
    #[field(default = String::new())]
    website: String,
}

async fn profile_view(
    app: &App,
    ctx: &Ctx,
    org: &organisation::Model,
    form: &ProfileInput,
    errors: &FieldErrors,
) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("organisation", &serde_json::json!({ "name": org.name, "slug": org.slug }));
    extra.insert("logo", &profile::logo(&app.db, OrganisationId(org.id)).await?);
    ctx.form_page(app, "org/profile.html", extra, form, errors)
}

#[get("/dashboard/o/<slug>/profile")]
async fn profile_page(s: Signed<'_>, slug: &str) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let (_, org) = org_with::<EditProfile>(app, user, slug).await?;
    profile_view(app, ctx, &org, &ProfileInput::of(&org), &FieldErrors::new()).await
}

#[post("/dashboard/o/<slug>/profile", data = "<form>")]
async fn save(s: Signed<'_>, slug: &str, form: CsrfForm<ProfileForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let (can, org) = org_with::<EditProfile>(app, user, slug).await?;
    let input = ProfileInput { name: form.0.name, description: form.0.description, website: form.0.website };
    let result = profile::edit(&app.db, &can, user, &input, now()).await;
    let result = result.map(|changed| if changed { "flash-saved" } else { "flash-nothing-changed" });
    answer(app, ctx, (&org, jar), &input, result).await
}

/// What both forms answer: back to the profile with `Ok`'s flash message, or the page again
/// (422) with the errors beside their fields and `typed` in them.
async fn answer(
    app: &App,
    ctx: &Ctx,
    (org, jar): (&organisation::Model, &CookieJar<'_>),
    typed: &ProfileInput,
    result: DomainResult<&str>,
) -> WebResult<Result<Redirect, Page>> {
    match result {
        Ok(message) => {
            flash(jar, "success", message);
            Ok(Ok(Redirect::to(format!("/dashboard/o/{}/profile", org.slug))))
        }
        Err(DomainError::Invalid(errors)) => {
            Ok(Err(profile_view(app, ctx, org, typed, &errors).await?.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(FromForm)]
struct LogoUpload<'r> {
    csrf_token: String,
    /// Read within the `bytes` limit, a little above `images::MAX_BYTES`, so that a file
    /// slightly too large gets the form's own message rather than a bare 413.
    logo: Option<Capped<&'r [u8]>>,
}

impl WithToken for LogoUpload<'_> {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Signed out, the body is still read (through the data guard) before the visitor is sent to
/// sign in, as for a petition's image.
#[post("/dashboard/o/<slug>/profile/logo", data = "<form>")]
#[allow(clippy::too_many_arguments)]
async fn upload_logo(
    app: &AppState,
    ctx: &Ctx,
    user: Option<SignedIn<'_>>,
    uri: &rocket::http::uri::Origin<'_>,
    jar: &CookieJar<'_>,
    slug: &str,
    form: CsrfUpload<LogoUpload<'_>>,
) -> WebResult<Result<Redirect, Page>> {
    let Some(user) = user else { return Ok(Ok(crate::web::sign_in_redirect(uri))) };
    let (can, org) = org_with::<EditProfile>(app, user.0, slug).await?;
    let result = match upload_bytes(form.0.logo.as_ref(), "logo") {
        Ok(bytes) => profile::save_logo(&app.db, (&can, &app.decodes), user.0, bytes, now()).await,
        Err(e) => Err(e),
    };
    answer(app, ctx, (&org, jar), &ProfileInput::of(&org), result.map(|()| "flash-saved")).await
}

#[post("/dashboard/o/<slug>/profile/logo/remove", data = "<_form>")]
async fn remove_logo(s: Signed<'_>, slug: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let (can, _) = org_with::<EditProfile>(app, user, slug).await?;
    profile::remove_logo(&app.db, &can, user, now()).await?;
    flash(jar, "success", "flash-logo-removed");
    Ok(Redirect::to(format!("/dashboard/o/{slug}/profile")))
}

/// The logo as `/o/<org>` shows it (its address there changes with each upload).
#[get("/organisations/<id>/logo.jpg")]
async fn logo(app: &AppState, id: i64) -> WebResult<Jpeg> {
    let bytes = profile::logo_bytes(&app.db, OrganisationId(id)).await?;
    Ok(Jpeg(bytes, ContentType::JPEG, Header::new("Cache-Control", "public, max-age=86400")))
}
