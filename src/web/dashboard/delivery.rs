//! A petition's addressees and deliveries in the dashboard (issue 17): the addressees section
//! of the edit pages (add, remove), when the petition is delivered, the "deliver now" button
//! and the deliveries made. Each change needs the right to modify the petition.
use rocket::response::Redirect;
use rocket::{get, post, routes};

use super::form::Posted;
use super::outcome;
use crate::domain::delivery::addressees::{self, AddresseeInput};
use crate::domain::delivery::{deliver, settings};
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{self, ModifyPetition};
use crate::domain::petition::editing;
use crate::domain::{DomainError, FieldErrors};
use crate::web::context::{Signed, flash};
use crate::web::csrf::CsrfForm;
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![section, add, remove, set_when, deliver_now]
}

fn get(form: &Posted, name: &str) -> String {
    form.get(name).cloned().unwrap_or_default()
}

fn back(id: PetitionId) -> String {
    format!("/dashboard/petitions/{id}/edit/addressees")
}

async fn view(s: &Signed<'_>, id: PetitionId, (form, errors): (&Posted, &FieldErrors)) -> WebResult<Page> {
    let Signed { app, ctx, .. } = s;
    let mut extra = tera::Context::new();
    extra.insert("petition", &editing::load(&app.db, id).await?);
    extra.insert("section", "addressees");
    extra.insert("addressees", &addressees::of_petition(&app.db, id).await?);
    extra.insert("deliveries", &deliver::list(&app.db, id).await?);
    ctx.form_page(app, "dashboard/delivery.html", extra, form, errors)
}

/// The form values that show the current setting.
async fn current(s: &Signed<'_>, id: PetitionId) -> WebResult<Posted> {
    let when = settings::of_petition(&s.app.db, id).await?;
    let mut form = Posted::new();
    form.insert("delivery_mode".into(), when.mode().into());
    if let settings::When::Milestone(n) = when {
        form.insert("delivery_milestone".into(), n.to_string());
    }
    Ok(form)
}

#[get("/dashboard/petitions/<id>/edit/addressees")]
async fn section(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    permissions::petition::<ModifyPetition>(&s.app.db, s.user, id).await?;
    let form = current(&s, id).await?;
    view(&s, id, (&form, &FieldErrors::new())).await
}

#[post("/dashboard/petitions/<id>/addressees", data = "<form>")]
async fn add(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let can = permissions::petition::<ModifyPetition>(&s.app.db, s.user, id).await?;
    let input = AddresseeInput {
        name: get(&form.0, "addressee_name"),
        role: get(&form.0, "addressee_role"),
        email: get(&form.0, "addressee_email"),
        link: get(&form.0, "addressee_link"),
    };
    let result = match input.parse() {
        Ok(new) => addressees::add(&s.app.db, &can, new).await,
        Err(errors) => Err(DomainError::Invalid(errors)),
    };
    outcome(result, s.jar, ("flash-addressee-added", back(id)), async |errors| {
        let mut shown = current(&s, id).await?;
        shown.extend(form.0.clone());
        view(&s, id, (&shown, &errors)).await
    })
    .await
}

#[post("/dashboard/petitions/<id>/addressees/remove", data = "<form>")]
async fn remove(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Redirect> {
    let can = permissions::petition::<ModifyPetition>(&s.app.db, s.user, id).await?;
    let addressee = get(&form.0, "addressee").parse::<i64>().map_err(|_| WebError::not_found())?;
    addressees::remove(&s.app.db, &can, addressee).await?;
    flash(s.jar, "success", "flash-addressee-removed");
    Ok(Redirect::to(back(id)))
}

#[post("/dashboard/petitions/<id>/delivery", data = "<form>")]
async fn set_when(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let can = permissions::petition::<ModifyPetition>(&s.app.db, s.user, id).await?;
    let result = match settings::When::parse(&get(&form.0, "delivery_mode"), &get(&form.0, "delivery_milestone")) {
        Ok(when) => settings::set(&s.app.db, &can, when).await,
        Err(errors) => Err(DomainError::Invalid(errors)),
    };
    outcome(result, s.jar, ("flash-saved", back(id)), async |errors| view(&s, id, (&form.0, &errors)).await).await
}

#[post("/dashboard/petitions/<id>/deliver", data = "<form>")]
async fn deliver_now(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let can = permissions::petition::<ModifyPetition>(&s.app.db, s.user, id).await?;
    let result = deliver::by_hand(&s.app.db, &can, &s.user.username, &s.app.composer).await;
    outcome(result, s.jar, ("flash-delivered", back(id)), async |errors| {
        let mut shown = current(&s, id).await?;
        shown.extend(form.0.clone());
        view(&s, id, (&shown, &errors)).await
    })
    .await
}
