//! Instance administration: the mail queue, with "retry now" and "cancel".
use rocket::http::CookieJar;
use rocket::response::Redirect;
use rocket::{get, post, routes};

use super::context::{AppState, Ctx, SignedIn, flash};
use super::csrf::{CsrfForm, TokenOnly};
use super::error::{WebError, WebResult};
use super::page::Page;
use crate::domain::now;
use crate::domain::permissions::Action;
use crate::mail::queue;

pub fn routes() -> Vec<rocket::Route> {
    routes![mail_page, mail_retry, mail_cancel]
}

#[get("/admin/mail?<status>")]
async fn mail_page(app: &AppState, ctx: &Ctx, user: SignedIn<'_>, status: Option<&str>) -> WebResult<Page> {
    super::authorize(app, user.0, Action::ManageInstance).await?;
    let status = status.filter(|s| queue::STATUSES.contains(s));
    let counts = queue::counts(&app.db).await.map_err(crate::domain::DomainError::from)?;
    let jobs = queue::list(&app.db, status, 200).await.map_err(crate::domain::DomainError::from)?;
    let jobs: Vec<_> = jobs
        .into_iter()
        .map(|j| {
            serde_json::json!({
                "id": j.id, "kind": j.kind, "recipient": j.recipient, "subject": j.subject, "status": j.status,
                "attempts": j.attempts, "next_attempt_at": j.next_attempt_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                "last_error": j.last_error, "created_at": j.created_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            })
        })
        .collect();
    let counts: Vec<_> = queue::STATUSES
        .iter()
        .map(|s| (s, counts.iter().find(|(c, _)| c == s).map_or(0, |(_, n)| *n)))
        .map(|(s, n)| serde_json::json!({ "status": s, "count": n }))
        .collect();
    let mut extra = tera::Context::new();
    extra.insert("counts", &counts);
    extra.insert("jobs", &jobs);
    extra.insert("status", &status);
    ctx.page(app, "admin/mail.html", extra)
}

#[post("/admin/mail/<id>/retry", data = "<_form>")]
async fn mail_retry(
    app: &AppState,
    user: SignedIn<'_>,
    jar: &CookieJar<'_>,
    id: i64,
    _form: CsrfForm<TokenOnly>,
) -> WebResult<Redirect> {
    super::authorize(app, user.0, Action::ManageInstance).await?;
    let done = queue::retry_now(&app.db, id, now()).await.map_err(crate::domain::DomainError::from)?;
    if !done {
        return Err(WebError::not_found());
    }
    app.mail_wake.notify_one();
    flash(jar, "success", "flash-mail-retried");
    Ok(Redirect::to("/admin/mail"))
}

#[post("/admin/mail/<id>/cancel", data = "<_form>")]
async fn mail_cancel(
    app: &AppState,
    user: SignedIn<'_>,
    jar: &CookieJar<'_>,
    id: i64,
    _form: CsrfForm<TokenOnly>,
) -> WebResult<Redirect> {
    super::authorize(app, user.0, Action::ManageInstance).await?;
    if !queue::cancel(&app.db, id).await.map_err(crate::domain::DomainError::from)? {
        return Err(WebError::not_found());
    }
    flash(jar, "success", "flash-mail-cancelled");
    Ok(Redirect::to("/admin/mail"))
}
