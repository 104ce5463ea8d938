//! Instance administration: the mail queue, with "retry now" and "cancel".
use rocket::response::Redirect;
use rocket::{get, post, routes};

use crate::domain::instance::mail as admin;
use crate::domain::now;
use crate::domain::permissions;
use crate::mail::queue;
use crate::web::context::{Signed, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![mail_page, mail_action]
}

#[get("/admin/mail?<status>")]
async fn mail_page(s: Signed<'_>, status: Option<&str>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    permissions::instance(user)?;
    let status = status.filter(|s| queue::STATUSES.contains(s));
    let counts = queue::counts(&app.db).await.map_err(crate::domain::DomainError::from)?;
    let jobs = queue::list(&app.db, status, 200).await.map_err(crate::domain::DomainError::from)?;
    let jobs: Vec<_> = jobs
        .into_iter()
        .map(|j| {
            serde_json::json!({
                "id": j.id, "kind": j.kind, "recipient": j.recipient, "subject": j.subject, "status": j.status,
                "attempts": j.attempts, "next_attempt_at": j.next_attempt_at.to_rfc3339(),
                "last_error": j.last_error, "created_at": j.created_at.to_rfc3339(),
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

/// "retry" (due now, attempts counted afresh) or "cancel" (never sent) a mail job.
#[post("/admin/mail/<id>/<action>", data = "<_form>")]
async fn mail_action(s: Signed<'_>, id: i64, action: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::instance(user)?;
    let action = admin::MailAction::parse(action).ok_or_else(WebError::not_found)?;
    if !admin::act_on_mail(&app.db, &can, user, (id, action), now()).await? {
        return Err(WebError::not_found());
    }
    let message = match action {
        admin::MailAction::Retry => "flash-mail-retried",
        admin::MailAction::Cancel => "flash-mail-cancelled",
    };
    flash(jar, "success", message);
    Ok(Redirect::to("/admin/mail"))
}
