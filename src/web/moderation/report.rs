//! Reporting a petition: `/p/<id>/report`, a plain form (no account, no script), then a
//! thank-you page. The bounds are the database's (`domain::moderation::reports`); an in-memory
//! limiter in front of it (as for signing, `web::limits`) would go in `admitted` below.
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use super::withheld;
use crate::App;
use crate::domain::ids::PetitionId;
use crate::domain::moderation::reasons;
use crate::domain::moderation::reports::{self, Filed, NewReport};
use crate::domain::{DomainError, FieldErrors, now};
use crate::web::client::Client;
use crate::web::context::{AppState, Ctx};
use crate::web::csrf::CsrfForm;
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;
use crate::web::petition::cache::Shown;

pub fn routes() -> Vec<rocket::Route> {
    routes![form, submit, thanks]
}

#[derive(FromForm)]
struct ReportForm {
    #[field(default = String::new())]
    reason: String,
    #[field(default = String::new())]
    details: String,
}

async fn form_page(app: &App, ctx: &Ctx, shown: &Shown, form: &NewReport, errors: &FieldErrors) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("petition", &shown.petition);
    extra.insert("reasons", &reasons::offered(&app.db, (&ctx.lang, app.i18n.default_locale())).await?);
    extra.insert("details_max", &reports::DETAILS_MAX);
    ctx.form_page(app, "moderation/report.html", extra, form, errors)
}

#[get("/p/<id>/report")]
async fn form(app: &AppState, ctx: &Ctx, id: PetitionId) -> WebResult<Page> {
    let shown = match withheld::by_id(app, ctx, id).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(page),
    };
    form_page(app, ctx, &shown, &NewReport::default(), &FieldErrors::new()).await
}

/// The seam for an in-memory per-client limiter ahead of the database's bound: none yet, so
/// every report reaches `reports::file`, which counts in the table and holds on its own.
fn admitted(_app: &App, _client: &Client) -> bool {
    true
}

#[post("/p/<id>/report", data = "<form>")]
async fn submit(
    app: &AppState,
    ctx: &Ctx,
    client: Client,
    id: PetitionId,
    form: CsrfForm<ReportForm>,
) -> WebResult<Result<Redirect, Page>> {
    let shown = match withheld::by_id(app, ctx, id).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(Err(page)),
    };
    let too_many = || WebError::new(Status::TooManyRequests, "error-report-rate");
    if !admitted(app, &client) {
        return Err(too_many());
    }
    let input = NewReport { reason: form.0.reason, details: form.0.details };
    match reports::file(&app.db, id, &input, &client.0, now()).await {
        Ok(Filed::Stored | Filed::Noted) => Ok(Ok(Redirect::to(format!("/p/{id}/reported")))),
        Ok(Filed::TooMany) => Err(too_many()),
        Err(DomainError::Invalid(errors)) => {
            Ok(Err(form_page(app, ctx, &shown, &input, &errors).await?.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}

#[get("/p/<id>/reported")]
async fn thanks(app: &AppState, ctx: &Ctx, id: PetitionId) -> WebResult<Page> {
    let shown = match withheld::by_id(app, ctx, id).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(page),
    };
    let mut extra = tera::Context::new();
    extra.insert("petition", &shown.petition);
    ctx.page(app, "moderation/reported.html", extra)
}
