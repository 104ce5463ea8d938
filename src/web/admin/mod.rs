//! Instance administration and moderation, under `/admin`: the index of what the signed-in
//! admin or moderator may open, the mail queue, the audit log, the moderation queue.
use rocket::{get, routes};

use crate::domain::permissions;
use crate::web::context::{AppState, Ctx, SignedIn};
use crate::web::error::WebResult;
use crate::web::page::Page;

pub mod audit;
pub mod mail;
pub mod moderation;

pub fn routes() -> Vec<rocket::Route> {
    let mut all = routes![index];
    all.extend(mail::routes());
    all.extend(audit::routes());
    all.extend(moderation::routes());
    all
}

/// What the admin (everything) or the moderator (moderation) may open.
#[get("/admin")]
fn index(app: &AppState, ctx: &Ctx, user: SignedIn<'_>) -> WebResult<Page> {
    permissions::moderation(user.0)?;
    let mut extra = tera::Context::new();
    extra.insert("may_manage", &permissions::instance(user.0).is_ok());
    ctx.page(app, "admin/index.html", extra)
}
