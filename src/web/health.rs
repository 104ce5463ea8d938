//! For load balancers and monitoring: `/healthz` (the process answers), `/readyz` (it can do
//! its work: the database answers and the mail keeps up) and `/metrics` (Prometheus). None of
//! them reads a cookie or the session; the access log leaves them out (see `security`).
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome};
use rocket::response::{self, Responder};
use rocket::{Request, Response, get, routes};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::web::context::AppState;

pub fn routes() -> Vec<rocket::Route> {
    routes![healthz, readyz, metrics]
}

/// Their route patterns, which the access log skips.
pub const PATHS: [&str; 3] = ["/healthz", "/readyz", "/metrics"];

/// Liveness: the process serves requests. Touches nothing, so a slow database does not get a
/// healthy process restarted.
#[get("/healthz")]
fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers and the mail due longest has waited less than
/// `[health] ready_mail_lag_seconds`. Else 503 and the reason, in a word or two.
#[get("/readyz")]
async fn readyz(app: &AppState) -> (Status, String) {
    let unavailable = |e: sea_orm::DbErr| {
        tracing::warn!(error = %e, "readiness: the database does not answer");
        (Status::ServiceUnavailable, "database unavailable".to_string())
    };
    if let Err(e) = app.db.ping().await {
        return unavailable(e);
    }
    let limit = app.settings.health.ready_mail_lag_seconds;
    match crate::mail::queue::oldest_due_age(&app.db, crate::domain::now()).await {
        Err(e) => unavailable(e),
        Ok(age) if age.num_seconds() > i64::try_from(limit).unwrap_or(i64::MAX) => {
            (Status::ServiceUnavailable, format!("mail queue lag {}s over {limit}s", age.num_seconds()))
        }
        Ok(_) => (Status::Ok, "ok".to_string()),
    }
}

/// The token after `Authorization: Bearer `, if any.
pub struct Bearer(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Bearer {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let token = req.headers().get_one("Authorization").and_then(|h| h.strip_prefix("Bearer ")).map(str::to_string);
        Outcome::Success(Bearer(token))
    }
}

/// Whether `given` is `expected`, in a time that tells nothing of either (lengths included:
/// both are hashed first).
fn same_token(given: &str, expected: &str) -> bool {
    Sha256::digest(given.as_bytes()).ct_eq(&Sha256::digest(expected.as_bytes())).into()
}

pub enum Scrape {
    Text(String),
    /// 401 itself: the catcher of 401 would send a monitoring client to the login page.
    Unauthorized,
    /// No token configured: no such page.
    Absent,
    /// The database did not answer: the scrape fails, so Prometheus marks the target down.
    Failed,
}

impl<'r> Responder<'r, 'static> for Scrape {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        match self {
            Scrape::Text(text) => Response::build_from(text.respond_to(req)?)
                .raw_header("Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                .ok(),
            Scrape::Unauthorized => Response::build_from("unauthorized\n".respond_to(req)?)
                .status(Status::Unauthorized)
                .raw_header("WWW-Authenticate", "Bearer")
                .ok(),
            Scrape::Absent => Err(Status::NotFound),
            Scrape::Failed => Err(Status::ServiceUnavailable),
        }
    }
}

/// Prometheus' scrape, off unless `[metrics] token` is set, then only with that bearer token.
#[get("/metrics")]
async fn metrics(app: &AppState, bearer: Bearer) -> Scrape {
    let Some(expected) = app.settings.metrics_token() else {
        return Scrape::Absent;
    };
    if !bearer.0.is_some_and(|given| same_token(&given, &expected)) {
        return Scrape::Unauthorized;
    }
    match app.metrics.render(&app.db).await {
        Ok(text) => Scrape::Text(text),
        Err(e) => {
            tracing::error!(error = %e, "metrics: cannot read the mail queue");
            Scrape::Failed
        }
    }
}
