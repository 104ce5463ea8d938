//! `/admin/statistics` (admins): petitions by status, confirmed signatures per day over the
//! last 90 days (drawn on the server, as the petition's chart), and the mail queue.
use rocket::{get, routes};

use crate::domain::instance::statistics;
use crate::domain::{now, permissions};
use crate::web::chart::chart;
use crate::web::context::{AppState, Ctx, SignedIn};
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![statistics_page]
}

#[get("/admin/statistics")]
async fn statistics_page(app: &AppState, ctx: &Ctx, user: SignedIn<'_>) -> WebResult<Page> {
    let can = permissions::instance(user.0)?;
    let stats = statistics::gather(&app.db, &can, now()).await?;
    let mut extra = tera::Context::new();
    extra.insert("petitions", &stats.petitions);
    extra.insert("petitions_total", &stats.petitions_total);
    extra.insert("signatures", &stats.signatures);
    extra.insert("days", &statistics::DAYS);
    extra.insert("mail", &stats.mail);
    extra.insert("chart", &chart(&stats.signatures));
    ctx.page(app, "admin/statistics.html", extra)
}
