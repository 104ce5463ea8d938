//! Instance administration and moderation, under `/admin`: the index of what the signed-in
//! admin or moderator may open, the mail queue, the audit log, the moderation queue, a
//! petition's traffic, the instance's settings, its accounts and organisations, and its statistics.
use rocket::{get, routes};

use crate::domain::permissions;
use crate::web::context::Signed;
use crate::web::error::WebResult;
use crate::web::page::Page;

pub mod audit;
pub mod directory;
pub mod mail;
pub mod moderation;
pub mod settings;
pub mod statistics;
pub mod traffic;

pub fn routes() -> Vec<rocket::Route> {
    let mut all = routes![index];
    all.extend(mail::routes());
    all.extend(audit::routes());
    all.extend(traffic::routes());
    all.extend(settings::routes());
    all.extend(directory::routes());
    all.extend(statistics::routes());
    all.extend(moderation::routes());
    all
}

/// What the admin (everything) or the moderator (moderation) may open.
#[get("/admin")]
fn index(s: Signed<'_>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    permissions::moderation(user)?;
    let mut extra = tera::Context::new();
    extra.insert("may_manage", &permissions::instance(user).is_ok());
    ctx.page(app, "admin/index.html", extra)
}
