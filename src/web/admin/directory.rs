//! `/admin/users` and `/admin/organisations` (admins): searched and paged, fifty a page; an
//! account's moderator role is granted or withdrawn here, an organisation's profile is edited
//! from its link.
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::domain::ids::UserId;
use crate::domain::instance::directory::{self, Listing, Search};
use crate::domain::{now, permissions};
use crate::web::context::{Ctx, Signed, flash};
use crate::web::csrf::CsrfForm;
use crate::web::error::WebResult;
use crate::web::page::{Page, query_string};

pub fn routes() -> Vec<rocket::Route> {
    routes![users, organisations, moderator]
}

/// What names a list page (see `admin/list.html`): its template, address and messages.
struct ListPage {
    template: &'static str,
    base: &'static str,
    /// The Fluent ids of its title, its total and its search box's label.
    keys: [&'static str; 3],
}

const USERS: ListPage = ListPage {
    template: "admin/users.html",
    base: "/admin/users",
    keys: ["admin-users-title", "admin-users-total", "admin-users-search"],
};

const ORGANISATIONS: ListPage = ListPage {
    template: "admin/organisations.html",
    base: "/admin/organisations",
    keys: ["admin-organisations-title", "admin-organisations-total", "admin-organisations-search"],
};

/// A list page: the search box, the rows with their creation day, and the pagination.
fn list_page<T: serde::Serialize>(
    app: &App,
    ctx: &Ctx,
    (list, q): (&ListPage, Option<&str>),
    listing: &Listing<T>,
    created: impl Fn(&T) -> chrono::DateTime<chrono::Utc>,
) -> WebResult<Page> {
    let rows: Vec<_> = listing
        .rows
        .iter()
        .map(|r| serde_json::json!({ "row": r, "created": created(r).format("%Y-%m-%d").to_string() }))
        .collect();
    let mut extra = tera::Context::new();
    extra.insert("q", q.unwrap_or(""));
    extra.insert("page_query", &query_string(&[("q", q)]));
    extra.insert("listing", listing);
    extra.insert("rows", &rows);
    extra.insert("base", list.base);
    let [title, total, search] = list.keys;
    extra.insert("title_key", title);
    extra.insert("total_key", total);
    extra.insert("search_key", search);
    ctx.page(app, list.template, extra)
}

fn search(q: Option<&str>, page: Option<u64>) -> Search {
    Search { query: q.unwrap_or("").to_string(), page: page.unwrap_or(1) }
}

#[get("/admin/users?<q>&<page>")]
async fn users(s: Signed<'_>, q: Option<&str>, page: Option<u64>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::instance(user)?;
    let listing = directory::users(&app.db, &can, &search(q, page)).await?;
    list_page(app, ctx, (&USERS, q), &listing, |r| r.created_at)
}

#[get("/admin/organisations?<q>&<page>")]
async fn organisations(s: Signed<'_>, q: Option<&str>, page: Option<u64>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::instance(user)?;
    let listing = directory::organisations(&app.db, &can, &search(q, page)).await?;
    list_page(app, ctx, (&ORGANISATIONS, q), &listing, |r| r.created_at)
}

#[derive(FromForm)]
struct RoleForm {
    /// `true` grants the role, anything else withdraws it.
    #[field(default = false)]
    on: bool,
}

/// Grants or withdraws the moderator role (not on oneself: 409 with the reason).
#[post("/admin/users/<member>/moderator", data = "<form>")]
async fn moderator(s: Signed<'_>, member: UserId, form: CsrfForm<RoleForm>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::instance(user)?;
    let on = form.0.on;
    directory::set_moderator(&app.db, &can, (user, member), on, now()).await?;
    flash(jar, "success", if on { "flash-moderator-granted" } else { "flash-moderator-revoked" });
    Ok(Redirect::to("/admin/users"))
}
