//! The audit log (admins): every moderation and administration action, filtered by who, what,
//! target and date, newest first, fifty a page.
use chrono::{NaiveDate, TimeZone, Utc};
use rocket::{get, routes};

use crate::domain::audit::{self, Action, Filter};
use crate::domain::permissions;
use crate::web::context::{AppState, Ctx, SignedIn};
use crate::web::error::WebResult;
use crate::web::page::{Page, query_string};

pub fn routes() -> Vec<rocket::Route> {
    routes![log]
}

#[allow(clippy::too_many_arguments)]
#[get("/admin/audit?<actor>&<action>&<kind>&<target>&<from>&<until>&<page>")]
async fn log(
    app: &AppState,
    ctx: &Ctx,
    user: SignedIn<'_>,
    actor: Option<&str>,
    action: Option<&str>,
    kind: Option<&str>,
    target: Option<&str>,
    from: Option<&str>,
    until: Option<&str>,
    page: Option<u64>,
) -> WebResult<Page> {
    let can = permissions::instance(user.0)?;
    // A day typed as YYYY-MM-DD (what `<input type=date>` sends); anything else is no bound.
    let day = |d: Option<&str>| d.and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
    let filter = Filter {
        actor: actor.map(str::to_string),
        action: action.and_then(Action::parse),
        target_kind: kind.map(str::to_string),
        target_id: target.map(str::to_string),
        from: day(from).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| Utc.from_utc_datetime(&t)),
        until: day(until)
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| Utc.from_utc_datetime(&t)),
        page: page.unwrap_or(1),
    };
    let listing = audit::list(&app.db, &can, &filter).await?;
    let rows: Vec<_> = listing.rows.iter().map(|r| serde_json::json!({ "row": r, "at": r.at.to_rfc3339() })).collect();
    let actions: Vec<_> =
        Action::ALL.iter().map(|a| serde_json::json!({ "value": a.as_str(), "message_id": a.message_id() })).collect();
    let mut extra = tera::Context::new();
    extra.insert("listing", &listing);
    extra.insert("rows", &rows);
    extra.insert("actions", &actions);
    extra.insert(
        "filter",
        &serde_json::json!({
            "actor": actor.unwrap_or(""), "action": filter.action.map(Action::as_str).unwrap_or(""),
            "kind": kind.unwrap_or(""), "target": target.unwrap_or(""),
            "from": day(from).map(|d| d.to_string()).unwrap_or_default(),
            "until": day(until).map(|d| d.to_string()).unwrap_or_default(),
        }),
    );
    extra.insert(
        "page_query",
        &query_string(&[
            ("actor", actor),
            ("action", action),
            ("kind", kind),
            ("target", target),
            ("from", from),
            ("until", until),
        ]),
    );
    ctx.page(app, "admin/audit.html", extra)
}
