//! `/p/<id>/signers`: every name signers agreed to have listed, newest first, a page at a time
//! (`?before=<signature id>`, never an offset), for petitions whose organisers list names.
use rocket::{get, routes};

use crate::domain::ids::PetitionId;
use crate::domain::signature::public_names;
use crate::web::context::{AppState, Ctx};
use crate::web::error::{WebError, WebResult};
use crate::web::moderation::withheld;
use crate::web::page::Page;
use crate::web::petition::public::themed;

pub fn routes() -> Vec<rocket::Route> {
    routes![signers]
}

/// A `before` that does not parse shows the first page.
#[get("/p/<id>/signers?<before>")]
async fn signers(app: &AppState, ctx: &Ctx, id: PetitionId, before: Option<i64>) -> WebResult<Page> {
    let shown = match withheld::by_id(app, ctx, id).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(page),
    };
    // The total comes with the cached entry, so that this page's visitors cost one bounded query.
    let latest = shown.names.as_ref().ok_or_else(WebError::not_found)?;
    let page = public_names::page(&app.db, id, before).await?;
    let mut extra = tera::Context::new();
    extra.insert("names", &page);
    extra.insert("total", &latest.total);
    extra.insert("more", &latest.more);
    themed(app, ctx, shown.pick(&ctx.wanted).0, "signers.html", extra)
}
