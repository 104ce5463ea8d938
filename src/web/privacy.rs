//! The privacy pages: `/privacy` for the instance, always there (what it stores, why, how long,
//! who sees it, how to take it back, then the admins' own text), and `/p/<id>/privacy` for one
//! petition, in its theme (exactly what its form asks for, and its own retention). Every form
//! that takes personal data links one of them.
use rocket::{get, routes};

use crate::domain::ids::PetitionId;
use crate::domain::instance::privacy;
use crate::web::context::{AppState, Ctx};
use crate::web::error::WebResult;
use crate::web::moderation::withheld;
use crate::web::page::Page;
use crate::web::petition::public::themed;

pub fn routes() -> Vec<rocket::Route> {
    routes![instance, petition]
}

#[get("/privacy")]
fn instance(app: &AppState, ctx: &Ctx) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("privacy", &privacy::instance(&app.instance.get(), &app.settings));
    ctx.page(app, "privacy.html", extra)
}

#[get("/p/<id>/privacy")]
async fn petition(app: &AppState, ctx: &Ctx, id: PetitionId) -> WebResult<Page> {
    let shown = match withheld::by_id(app, ctx, id).await? {
        Ok(shown) => shown,
        Err(page) => return Ok(page),
    };
    let summary = privacy::petition(&app.db, &shown.petition, (&app.instance.get(), &app.settings)).await?;
    let mut extra = tera::Context::new();
    extra.insert("privacy", &summary);
    themed(app, ctx, shown.pick(&ctx.wanted).0, "privacy.html", extra)
}
