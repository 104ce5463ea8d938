//! A petition's updates to its signers and the addressee's response, in the dashboard: one
//! page lists what was sent and holds both forms.
use rocket::response::Redirect;
use rocket::{get, post, routes};

use super::form::Posted;
use super::outcome;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{self, ModifyPetition};
use crate::domain::petition::editing;
use crate::domain::signer_updates::{self, Recorded, ResponseInput, Sending, UpdateInput};
use crate::domain::{FieldErrors, now};
use crate::web::context::Signed;
use crate::web::csrf::CsrfForm;
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![page, post_update, record_response]
}

fn field(form: &Posted, name: &str) -> String {
    form.get(name).cloned().unwrap_or_default()
}

async fn view(s: Signed<'_>, id: PetitionId, (form, errors): (&Posted, &FieldErrors)) -> WebResult<Page> {
    let Signed { app, ctx, .. } = s;
    let petition = editing::load(&app.db, id).await?;
    let news = signer_updates::news(&app.db, id, signer_updates::LISTED).await?;
    let audience = signer_updates::audience(&app.db, id, app.settings.updates.per_week, now()).await?;
    // The response's form starts with the response recorded, to correct it.
    let mut form = form.clone();
    if let Some(r) = news.response.as_ref().filter(|_| !form.contains_key("response_body")) {
        form.insert("response_body".into(), r.body.clone());
        form.insert("responded_on".into(), r.responded_on.clone());
        form.insert("document_url".into(), r.document_url.clone().unwrap_or_default());
    }
    let mut extra = tera::Context::new();
    extra.insert("petition", &petition);
    extra.insert("news", &news);
    extra.insert("audience", &audience);
    extra.insert("today", &now().format("%Y-%m-%d").to_string());
    ctx.form_page(app, "dashboard/updates.html", extra, &form, errors)
}

#[get("/dashboard/petitions/<id>/updates")]
async fn page(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    permissions::petition::<ModifyPetition>(&s.app.db, s.user, id).await?;
    view(s, id, (&Posted::new(), &FieldErrors::new())).await
}

#[post("/dashboard/petitions/<id>/updates", data = "<form>")]
async fn post_update(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<ModifyPetition>(&app.db, user, id).await?;
    let input = UpdateInput { title: field(&form.0, "title"), body: field(&form.0, "body") };
    let sending = Sending {
        composer: &app.composer,
        key: &app.withdraw_key,
        per_week: app.settings.updates.per_week,
        now: now(),
    };
    let result = signer_updates::post_update(&app.db, &can, &input, sending).await.map(|_| ());
    let back = ("flash-update-sent", format!("/dashboard/petitions/{id}/updates"));
    outcome(result, jar, back, async |errors| view(s, id, (&form.0, &errors)).await).await
}

#[post("/dashboard/petitions/<id>/response", data = "<form>")]
async fn record_response(s: Signed<'_>, id: PetitionId, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<ModifyPetition>(&app.db, user, id).await?;
    let input = ResponseInput {
        body: field(&form.0, "response_body"),
        responded_on: field(&form.0, "responded_on"),
        document_url: field(&form.0, "document_url"),
    };
    let sending = Sending {
        composer: &app.composer,
        key: &app.withdraw_key,
        per_week: app.settings.updates.per_week,
        now: now(),
    };
    let result = signer_updates::record_response(&app.db, &can, &input, sending).await;
    let message = match result {
        Ok(Recorded::Corrected) => "flash-response-corrected",
        _ => "flash-response-sent",
    };
    let back = (message, format!("/dashboard/petitions/{id}/updates"));
    outcome(result.map(|_| ()), jar, back, async |errors| view(s, id, (&form.0, &errors)).await).await
}
