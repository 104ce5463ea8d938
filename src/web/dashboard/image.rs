//! A petition's image: upload (the one multipart form), removal, and a preview for its
//! organisers whatever the petition's status. The wizard's image step posts the same form to
//! its own address, with the draft's capability, and comes back to the step.
use rocket::data::Capped;
use rocket::http::{ContentType, CookieJar, Header};
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use super::edit::section_view;
use super::form::Posted;
use super::outcome;
use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{self, Allowed, EditsContent, ModifyPetition, SeePetition};
use crate::domain::petition::editing;
use crate::domain::petition::images;
use crate::domain::petition::wizard::Step;
use crate::web::assets::Jpeg;
use crate::web::context::{AppState, Ctx, Signed, SignedIn, flash};
use crate::web::csrf::{CsrfForm, CsrfUpload, TokenOnly, WithToken, upload_bytes};
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![upload, remove, preview, wizard_upload, wizard_remove]
}

#[derive(FromForm)]
struct Upload<'r> {
    csrf_token: String,
    /// Read within the `bytes` limit, a little above `images::MAX_BYTES`, so that a file
    /// slightly too large gets the form's own message rather than a bare 413.
    image: Option<Capped<&'r [u8]>>,
    #[field(default = String::new())]
    image_alt: String,
}

impl WithToken for Upload<'_> {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// The one route that takes a large body. Signed out, it still reads the body (through its data
/// guard, which a failed `SignedIn` guard would skip) before sending the visitor to the login
/// page: answering while the client still sends resets the connection, and the answer is lost.
#[post("/dashboard/petitions/<id>/image", data = "<form>")]
async fn upload(
    app: &AppState,
    ctx: &Ctx,
    user: Option<SignedIn<'_>>,
    uri: &rocket::http::uri::Origin<'_>,
    jar: &CookieJar<'_>,
    id: PetitionId,
    form: CsrfUpload<Upload<'_>>,
) -> WebResult<Result<Redirect, Page>> {
    upload_to(Place::Edit, (app, ctx, jar), user, uri, id, form.0).await
}

/// The wizard's image step: the same upload, for whoever fills the draft; back to the step.
#[post("/dashboard/petitions/<id>/wizard/image/upload", data = "<form>")]
async fn wizard_upload(
    app: &AppState,
    ctx: &Ctx,
    user: Option<SignedIn<'_>>,
    uri: &rocket::http::uri::Origin<'_>,
    jar: &CookieJar<'_>,
    id: PetitionId,
    form: CsrfUpload<Upload<'_>>,
) -> WebResult<Result<Redirect, Page>> {
    upload_to(Place::Wizard, (app, ctx, jar), user, uri, id, form.0).await
}

/// Where an upload comes from: the edit page's image section, or the wizard's image step.
#[derive(Clone, Copy)]
enum Place {
    Edit,
    Wizard,
}

/// Both uploads: the place's capability (its refusal ends the request), the save, then back to
/// the place's page, or that page again with the form's errors.
async fn upload_to(
    place: Place,
    (app, ctx, jar): (&AppState, &Ctx, &CookieJar<'_>),
    user: Option<SignedIn<'_>>,
    uri: &rocket::http::uri::Origin<'_>,
    id: PetitionId,
    form: Upload<'_>,
) -> WebResult<Result<Redirect, Page>> {
    let Some(user) = user else { return Ok(Ok(crate::web::sign_in_redirect(uri))) };
    let (result, back) = match place {
        Place::Edit => {
            let can = permissions::petition::<ModifyPetition>(&app.db, user.0, id).await?;
            (save(app, &can, &form).await, format!("/dashboard/petitions/{id}/edit/image"))
        }
        Place::Wizard => {
            let can = permissions::draft(&app.db, user.0, id).await?;
            (save(app, &can, &form).await, format!("/dashboard/petitions/{id}/wizard/image"))
        }
    };
    outcome(result, jar, ("flash-saved", back), async |errors| {
        let typed = Posted::from([("image_alt".to_string(), form.image_alt.clone())]);
        match place {
            Place::Edit => {
                let petition = editing::load(&app.db, id).await?;
                section_view(app, ctx, &petition, "image", (&typed, &errors))
            }
            Place::Wizard => super::wizard::step_view(app, ctx, user.0, (id, Step::Image), (&typed, &errors)).await,
        }
    })
    .await
}

/// Saves the form's file and description with either capability.
async fn save<R: EditsContent>(app: &AppState, can: &Allowed<R, PetitionId>, form: &Upload<'_>) -> DomainResult<()> {
    images::save(&app.db, (can, &app.decodes), upload_bytes(form.image.as_ref(), "image")?, &form.image_alt).await
}

#[post("/dashboard/petitions/<id>/wizard/image/remove", data = "<_form>")]
async fn wizard_remove(s: Signed<'_>, id: PetitionId, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::draft(&app.db, user, id).await?;
    images::remove(&app.db, &can).await?;
    flash(jar, "success", "flash-image-removed");
    Ok(Redirect::to(format!("/dashboard/petitions/{id}/wizard/image")))
}

#[post("/dashboard/petitions/<id>/image/remove", data = "<_form>")]
async fn remove(s: Signed<'_>, id: PetitionId, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<ModifyPetition>(&app.db, user, id).await?;
    images::remove(&app.db, &can).await?;
    flash(jar, "success", "flash-image-removed");
    Ok(Redirect::to(format!("/dashboard/petitions/{id}/edit/image")))
}

#[get("/dashboard/petitions/<id>/image.jpg")]
async fn preview(app: &AppState, user: SignedIn<'_>, id: PetitionId) -> WebResult<Jpeg> {
    permissions::petition::<SeePetition>(&app.db, user.0, id).await?;
    let bytes = images::bytes(&app.db, id).await?;
    Ok(Jpeg(bytes, ContentType::JPEG, Header::new("Cache-Control", "private, max-age=3600")))
}
