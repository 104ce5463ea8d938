//! A petition's traffic, for moderators: `/admin/petitions/<id>/traffic` shows, hour by hour,
//! the recipient domains and client keys that sent the most signatures; its form invalidates
//! signatures by rule, after a dry run that says how many would go.
use chrono::{DateTime, NaiveDateTime, Utc};
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};
use serde::Serialize;

use crate::App;
use crate::domain::client::ClientKey;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{self, Allowed, Moderate};
use crate::domain::signature::signature_admin::Which;
use crate::domain::signature::traffic::{self, Rule};
use crate::domain::{FieldErrors, now};
use crate::web::context::{Ctx, Signed, SignedIn, flash};
use crate::web::csrf::CsrfForm;
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![traffic_page, invalidate, open_traffic]
}

/// The rule's form, as typed (sent back with the page).
#[derive(Debug, Clone, Default, FromForm, Serialize)]
struct RuleForm {
    #[field(default = String::new())]
    rule_domain: String,
    #[field(default = String::new())]
    rule_client: String,
    /// `YYYY-MM-DDTHH:MM` (a `datetime-local` field), UTC.
    #[field(default = String::new())]
    rule_from: String,
    #[field(default = String::new())]
    rule_until: String,
    #[field(default = String::from("all"))]
    rule_which: String,
    #[field(default = String::new())]
    rule_reason: String,
    /// Absent for the dry run; set by the button of the page that showed the number.
    #[field(default = false)]
    #[serde(skip)]
    confirm: bool,
}

const MAX_REASON: usize = 500;

fn time(errors: &mut FieldErrors, field: &'static str, text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parsed = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok());
    if parsed.is_none() {
        errors.insert(field, "error-traffic-time");
    }
    parsed.map(|t| t.and_utc())
}

/// The form as a rule and a reason, or what is wrong beside each field.
fn parse(form: &RuleForm) -> Result<(Rule, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let domain = form.rule_domain.trim().trim_start_matches('@').to_lowercase();
    if domain.len() > 253 || !domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-') {
        errors.insert("rule_domain", "error-traffic-domain");
    }
    let client = form.rule_client.trim();
    if client.len() > 16 || !client.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        errors.insert("rule_client", "error-traffic-client");
    }
    let (from, until) =
        (time(&mut errors, "rule_from", &form.rule_from), time(&mut errors, "rule_until", &form.rule_until));
    if let (Some(from), Some(until)) = (from, until)
        && until <= from
    {
        errors.insert("rule_until", "error-traffic-window");
    }
    if domain.is_empty() && client.is_empty() && from.is_none() && until.is_none() && errors.is_empty() {
        errors.insert("rule_domain", "error-traffic-rule-empty");
    }
    let reason = form.rule_reason.trim();
    if reason.is_empty() {
        errors.insert("rule_reason", "error-required");
    } else if reason.chars().count() > MAX_REASON {
        errors.insert("rule_reason", "error-too-long");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let rule = Rule {
        domain: (!domain.is_empty()).then_some(domain),
        client: (!client.is_empty()).then(|| ClientKey::from_stored(client.to_string())),
        from,
        until,
        which: Which::parse(&form.rule_which),
    };
    Ok((rule, reason.to_string()))
}

/// The page: the hours, the form (refilled), and the dry run's number when there is one.
async fn page(
    app: &App,
    ctx: &Ctx,
    can: &Allowed<Moderate, ()>,
    id: PetitionId,
    (form, errors): (&RuleForm, &FieldErrors),
    dry_run: Option<u64>,
) -> WebResult<Page> {
    let title = traffic::petition_title(&app.db, can, id).await?;
    let hours = traffic::hours(&app.db, can, id, now()).await?;
    let mut extra = tera::Context::new();
    extra.insert("petition_id", &id);
    extra.insert("petition_title", &title);
    extra.insert("hours", &hours);
    extra.insert("window_hours", &traffic::HOURS);
    extra.insert("has_dry_run", &dry_run.is_some());
    extra.insert("dry_run", &dry_run.unwrap_or(0));
    ctx.form_page(app, "admin/traffic.html", extra, form, errors)
}

/// The `/admin` index's "petition number" form.
#[get("/admin/traffic?<petition>")]
fn open_traffic(user: SignedIn<'_>, petition: Option<u32>) -> WebResult<Redirect> {
    permissions::moderation(user.0)?;
    Ok(Redirect::to(match petition {
        Some(id) => format!("/admin/petitions/{id}/traffic"),
        None => "/admin".to_string(),
    }))
}

#[get("/admin/petitions/<id>/traffic")]
async fn traffic_page(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::moderation(user)?;
    let form = RuleForm { rule_which: "all".into(), ..Default::default() };
    page(app, ctx, &can, id, (&form, &FieldErrors::new()), None).await
}

/// First the dry run (the number, and a button to go on); then, confirmed, the invalidation.
#[post("/admin/petitions/<id>/traffic/invalidate", data = "<form>")]
async fn invalidate(s: Signed<'_>, id: PetitionId, form: CsrfForm<RuleForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let can = permissions::moderation(user)?;
    let form = form.0;
    let (rule, reason) = match parse(&form) {
        Ok(parsed) => parsed,
        Err(errors) => {
            let page = page(app, ctx, &can, id, (&form, &errors), None).await?;
            return Ok(Err(page.with_status(Status::UnprocessableEntity)));
        }
    };
    if !form.confirm {
        let count = traffic::matching(&app.db, &can, id, &rule).await?;
        return Ok(Err(page(app, ctx, &can, id, (&form, &FieldErrors::new()), Some(count)).await?));
    }
    let title = traffic::petition_title(&app.db, &can, id).await?;
    traffic::invalidate(&app.db, &can, user, (id, &title), (&rule, &reason), now()).await?;
    flash(jar, "success", "flash-signatures-invalidated");
    Ok(Ok(Redirect::to(format!("/admin/petitions/{id}/traffic"))))
}
