//! The web layer's error: what the user is told (a Fluent id, rendered as a localised page)
//! kept apart from the cause, which is only logged.
use rocket::Request;
use rocket::http::Status;
use rocket::response::{self, Responder};

use super::context::Ctx;
use super::page::Page;
use crate::App;
use crate::domain::DomainError;

#[derive(Debug)]
pub struct WebError {
    pub status: Status,
    /// Fluent id of the message shown to the user.
    pub message: &'static str,
    /// What went wrong, for the log only.
    pub cause: Option<String>,
}

pub type WebResult<T> = Result<T, WebError>;

impl WebError {
    pub fn new(status: Status, message: &'static str) -> WebError {
        WebError { status, message, cause: None }
    }

    pub fn internal(cause: impl Into<String>) -> WebError {
        WebError { status: Status::InternalServerError, message: "error-internal", cause: Some(cause.into()) }
    }

    /// "You are not allowed to do this": the answer of the one permission check.
    pub fn forbidden() -> WebError {
        WebError::new(Status::Forbidden, "error-forbidden")
    }

    pub fn not_found() -> WebError {
        WebError::new(Status::NotFound, "error-not-found")
    }
}

impl From<DomainError> for WebError {
    fn from(e: DomainError) -> WebError {
        match e {
            DomainError::NotFound => WebError::not_found(),
            DomainError::Forbidden => WebError::forbidden(),
            DomainError::Db(db) => WebError::internal(format!("database: {db}")),
            DomainError::Invalid(fields) => WebError {
                status: Status::UnprocessableEntity,
                message: "error-invalid",
                cause: Some(format!("{fields:?}")),
            },
            DomainError::Refused(message) => WebError::new(Status::Conflict, message),
            DomainError::Internal(cause) => WebError::internal(cause),
        }
    }
}

/// The message a failed request guard or data guard left for the error catcher.
#[derive(Debug, Default)]
struct Remembered(Option<&'static str>);

/// Keeps `message` for the catcher that will render the guard's failure status.
pub fn remember(req: &Request<'_>, message: &'static str) {
    req.local_cache(|| Remembered(Some(message)));
}

/// The localised error page for `status`, with `message` or a generic one.
pub fn render(req: &Request<'_>, status: Status, message: Option<&'static str>) -> Page {
    let message = message.or(req.local_cache(Remembered::default).0).unwrap_or(match status.code {
        404 => "error-not-found",
        413 => "error-too-large",
        403 => "error-forbidden",
        400 | 415 | 422 => "error-bad-request",
        500..=599 => "error-internal",
        _ => "error-generic",
    });
    let Some(app) = req.rocket().state::<App>() else {
        return Page::ok(status.to_string()).with_status(status);
    };
    let ctx = Ctx::of(req);
    let mut extra = tera::Context::new();
    extra.insert("status", &status.code);
    extra.insert("message", message);
    match ctx.page(app, "errors/error.html", extra) {
        Ok(page) => page.with_status(status),
        Err(e) => {
            tracing::error!(cause = ?e.cause, "cannot render the error page");
            Page::ok(status.to_string()).with_status(status)
        }
    }
}

impl<'r> Responder<'r, 'static> for WebError {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        if self.status.code >= 500 {
            tracing::error!(status = self.status.code, cause = ?self.cause, route = %super::security::route_of(req), "request failed");
        } else if let Some(cause) = &self.cause {
            tracing::debug!(status = self.status.code, cause, "request refused");
        }
        render(req, self.status, Some(self.message)).respond_to(req)
    }
}
