//! `CsrfForm<T>`: the data guard every POST handler takes. It reads the urlencoded body within
//! the `form` limit (413 past it, 400 for bytes that are not UTF-8), refuses a missing or wrong
//! CSRF token with 403 before the handler runs, and parses the rest as `T`.
//!
//! A body past its limit is read on and discarded (up to `drain_cap`) before the 413: answering
//! while the client still sends makes the server close with unread data, the kernel resets the
//! connection, and the client loses the answer it was about to read.
//!
//! The token is a keyed hash of a random per-visitor cookie (signed double submit): it works for
//! anonymous signers without JavaScript and needs no server-side session. `CsrfUpload<T>` does
//! the same for the one multipart form, a file upload. Both also refuse a form whose `Origin`
//! header names another site (see `origin_ok`).
use rocket::Request;
use rocket::data::{self, ByteUnit, Capped, Data, FromData, ToByteUnit};
use rocket::form::{Form, FromForm, ValueField};
use rocket::http::{ContentType, RawStr, Status};
use tokio::io::AsyncReadExt;

use super::context::{CSRF_FIELD, Ctx};
use super::error::remember;
use crate::App;
use crate::domain::{DomainError, DomainResult, FieldErrors};

pub struct CsrfForm<T>(pub T);

/// Defence in depth beside the token: a browser that says which site a form comes from must
/// name this instance (its public or onion address, or, in development, the loopback address
/// it was opened at). No header is left to the token alone (old browsers and some Tor setups
/// send none); `null`, which a sandboxed frame or a page of another site with `no-referrer`
/// sends, is refused: our pages' `Referrer-Policy: same-origin` lets browsers name our origin.
fn origin_ok(req: &Request<'_>, app: &App) -> bool {
    let Some(sent) = req.headers().get_one("Origin").map(str::trim) else { return true };
    let Ok(sent) = url::Url::parse(sent).map(|u| u.origin()) else { return false };
    let same = |url: &str| url::Url::parse(url).is_ok_and(|u| u.origin() == sent);
    if same(&app.settings.public_url()) || app.settings.server.onion_url.as_deref().is_some_and(same) {
        return true;
    }
    let Some(host) = req.headers().get_one("Host") else { return false };
    url::Url::parse(&format!("http://{host}")).is_ok_and(|own| {
        let loopback = match own.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(name)) => name == "localhost",
            None => false,
        };
        loopback && own.origin() == sent
    })
}

/// The first check of both guards: the app's state, once the form's `Origin` is this site; else
/// the status to refuse the form with (a foreign origin's message is kept for the error page).
fn app_if_same_origin<'r>(req: &'r Request<'_>) -> Result<&'r App, Status> {
    let app = req.rocket().state::<App>().ok_or(Status::InternalServerError)?;
    if !origin_ok(req, app) {
        remember(req, "error-origin");
        return Err(Status::Forbidden);
    }
    Ok(app)
}

fn refuse<'r, T>(req: &Request<'_>, status: Status, message: &'static str) -> data::Outcome<'r, T, ()> {
    remember(req, message);
    data::Outcome::Error((status, ()))
}

#[rocket::async_trait]
impl<'r, T> FromData<'r> for CsrfForm<T>
where
    T: for<'a> FromForm<'a> + Send + 'static,
{
    type Error = ();

    async fn from_data(req: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        let app = match app_if_same_origin(req) {
            Ok(app) => app,
            Err(status) => return data::Outcome::Error((status, ())),
        };
        if req.content_type() != Some(&ContentType::Form) {
            return refuse(req, Status::UnsupportedMediaType, "error-bad-request");
        }
        let limit = req.limits().get("form").unwrap_or(64.kibibytes());
        let body = match read_within(data, limit).await {
            Ok(Some(body)) => body,
            Ok(None) => return refuse(req, Status::PayloadTooLarge, "error-too-large"),
            Err(_) => return refuse(req, Status::BadRequest, "error-bad-request"),
        };
        let Ok(body) = String::from_utf8(body) else { return refuse(req, Status::BadRequest, "error-bad-request") };
        // Percent-decode every field; bytes that are not UTF-8 once decoded are refused.
        let mut fields = Vec::new();
        for raw in body.split('&').filter(|s| !s.is_empty()) {
            let (name, value) = raw.split_once('=').unwrap_or((raw, ""));
            match (RawStr::new(name).url_decode(), RawStr::new(value).url_decode()) {
                (Ok(name), Ok(value)) => fields.push((name.into_owned(), value.into_owned())),
                _ => return refuse(req, Status::BadRequest, "error-bad-request"),
            }
        }
        let token = fields.iter().find(|(name, _)| name == CSRF_FIELD).map(|(_, value)| value.as_str());
        if !token.is_some_and(|t| Ctx::of(req).csrf_ok(app, t)) {
            return refuse(req, Status::Forbidden, "error-csrf");
        }
        let parsed = Form::<T>::parse_iter(fields.iter().map(|(n, v)| ValueField::from((n.as_str(), v.as_str()))));
        match parsed {
            Ok(value) => data::Outcome::Success(CsrfForm(value)),
            Err(errors) => {
                tracing::debug!(%errors, "malformed form");
                refuse(req, Status::BadRequest, "error-bad-request")
            }
        }
    }
}

/// How much of a body past `limit` is read and discarded before answering: more than what the
/// connection's buffers hold, so that a browser's mistake (a long text pasted, a large photo)
/// gets its page; past it the connection is closed, as before.
fn drain_cap(limit: ByteUnit) -> ByteUnit {
    (limit * 4).max(8.mebibytes())
}

/// The body if it fits in `limit`; `None` once the rest is drained when it does not.
async fn read_within(data: Data<'_>, limit: ByteUnit) -> std::io::Result<Option<Vec<u8>>> {
    let mut stream = data.open(drain_cap(limit));
    let mut body = Vec::new();
    (&mut stream).take(limit.as_u64() + 1).read_to_end(&mut body).await?;
    if body.len() as u64 <= limit.as_u64() {
        return Ok(Some(body));
    }
    tokio::io::copy(&mut stream, &mut tokio::io::sink()).await?;
    Ok(None)
}

/// For forms whose only field is the CSRF token (a confirmation button, a logout button).
#[derive(rocket::FromForm)]
pub struct TokenOnly {
    #[allow(dead_code)]
    csrf_token: String,
}

/// A form that uploads a file, with the CSRF token among its fields.
pub trait WithToken {
    fn csrf_token(&self) -> &str;
}

/// An uploaded file's bytes (none: empty), or `field`'s error when the file was cut at the
/// `bytes` limit (a little above what the domain accepts, so that it gets the form's message).
pub fn upload_bytes(file: Option<&Capped<&[u8]>>, field: &'static str) -> DomainResult<Vec<u8>> {
    match file {
        Some(file) if !file.is_complete() => {
            Err(DomainError::Invalid(FieldErrors::from([(field, "error-image-too-large")])))
        }
        file => Ok(file.map(|f| f.value.to_vec()).unwrap_or_default()),
    }
}

/// `CsrfForm` for multipart forms (a file upload): Rocket parses the body within the
/// `data-form` limit and each file within the `bytes` limit, then a missing or wrong token is
/// refused with 403 before the handler runs.
pub struct CsrfUpload<T>(pub T);

#[rocket::async_trait]
impl<'r, T> FromData<'r> for CsrfUpload<T>
where
    T: FromForm<'r> + WithToken + Send + 'r,
{
    type Error = ();

    async fn from_data(req: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        let app = match app_if_same_origin(req) {
            Ok(app) => app,
            Err(status) => return data::Outcome::Error((status, ())),
        };
        if !req.content_type().is_some_and(|ct| ct.media_type().is_form_data()) {
            return refuse(req, Status::UnsupportedMediaType, "error-bad-request");
        }
        // The multipart parser stops at the limit; a body announced larger is drained first.
        let limit = req.limits().get("data-form").unwrap_or(2.mebibytes());
        let announced = req.headers().get_one("Content-Length").and_then(|n| n.trim().parse::<u64>().ok());
        // Without a length (a chunked body: browsers always announce an upload's length) the
        // parser could stop at the limit with the rest unread, and the answer would be lost.
        let Some(announced) = announced else {
            let _ = tokio::io::copy(&mut data.open(drain_cap(limit)), &mut tokio::io::sink()).await;
            return refuse(req, Status::LengthRequired, "error-length-required");
        };
        if announced > limit.as_u64() {
            let _ = tokio::io::copy(&mut data.open(drain_cap(limit)), &mut tokio::io::sink()).await;
            return refuse(req, Status::PayloadTooLarge, "error-too-large");
        }
        let form = match Form::<T>::from_data(req, data).await {
            data::Outcome::Success(form) => form.into_inner(),
            data::Outcome::Error((_, errors)) => {
                tracing::debug!(%errors, "malformed upload");
                // Past the `data-form` limit the whole form is refused; say so, not "malformed".
                let too_large = errors.iter().any(|e| {
                    e.entity == rocket::form::error::Entity::Form
                        && matches!(e.kind, rocket::form::error::ErrorKind::InvalidLength { .. })
                });
                return if too_large {
                    refuse(req, Status::PayloadTooLarge, "error-too-large")
                } else {
                    refuse(req, Status::BadRequest, "error-bad-request")
                };
            }
            data::Outcome::Forward(_) => return refuse(req, Status::BadRequest, "error-bad-request"),
        };
        if !Ctx::of(req).csrf_ok(app, form.csrf_token()) {
            return refuse(req, Status::Forbidden, "error-csrf");
        }
        data::Outcome::Success(CsrfUpload(form))
    }
}
