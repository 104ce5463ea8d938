//! Headers every response carries, and one log line per request.
use std::time::Instant;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{ContentType, Header};
use rocket::{Data, Request, Response};

/// Nothing may load from another host, and no script runs: pages work without JavaScript and
/// a signer on Tor loads nothing from elsewhere. `connect-src 'self'` changes nothing for a
/// visitor (no script may run to connect) but lets audit tools that evaluate code in the page,
/// such as Lighthouse reading `/robots.txt`, fetch from this same host.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
    connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub struct SecurityHeaders {
    pub hsts: bool,
    pub onion_location: Option<String>,
}

#[rocket::async_trait]
impl Fairing for SecurityHeaders {
    fn info(&self) -> Info {
        Info { name: "security headers", kind: Kind::Response }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        res.set_header(Header::new("Content-Security-Policy", CSP));
        res.set_header(Header::new("X-Content-Type-Options", "nosniff"));
        res.set_header(Header::new("X-Frame-Options", "DENY"));
        // Other sites learn nothing of the page a visitor came from; our own forms still carry
        // their true `Origin` (with `no-referrer` browsers send `null`, which `csrf` refuses).
        res.set_header(Header::new("Referrer-Policy", "same-origin"));
        res.set_header(Header::new("Cross-Origin-Opener-Policy", "same-origin"));
        res.set_header(Header::new(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ));
        if self.hsts {
            res.set_header(Header::new("Strict-Transport-Security", "max-age=31536000"));
        }
        if res.content_type() == Some(ContentType::HTML) {
            // Pages carry per-visitor CSRF tokens and personal data.
            res.set_header(Header::new("Cache-Control", "no-store"));
            if let Some(onion) = &self.onion_location {
                res.set_header(Header::new("Onion-Location", format!("{onion}{}", req.uri())));
            }
        }
    }
}

/// What a log line may say of a request's address: the pattern of the route that answered
/// (`/p/<id>/confirm/<token>`), never the path or the query, which carry confirmation and reset
/// tokens.
pub fn route_of<'r>(req: &'r Request<'_>) -> &'r dyn std::fmt::Display {
    match req.route() {
        Some(route) => &route.uri,
        None => &"-",
    }
}

/// When the request started, kept in the request's local cache.
struct Started(Instant);

pub struct RequestLog;

#[rocket::async_trait]
impl Fairing for RequestLog {
    fn info(&self) -> Info {
        Info { name: "request log", kind: Kind::Request | Kind::Response }
    }

    async fn on_request(&self, req: &mut Request<'_>, _: &mut Data<'_>) {
        req.local_cache(|| Started(Instant::now()));
    }

    /// Every request is counted in the metrics; the access line is written at info (a 404 or
    /// any other refusal included: failures worth a warning are logged where they happen), unless
    /// `[log] access` is off, and never for the health and metrics endpoints, which monitoring
    /// polls.
    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        let elapsed = req.local_cache(|| Started(Instant::now())).0.elapsed();
        let Some(app) = req.rocket().state::<crate::App>() else {
            return;
        };
        let route = route_of(req).to_string();
        let status = res.status().code;
        app.metrics.request(req.method().as_str(), &route, status, elapsed);
        if !app.settings.log.access
            || !tracing::enabled!(tracing::Level::INFO)
            || super::health::PATHS.contains(&route.as_str())
        {
            return;
        }
        tracing::info!(method = %req.method(), route = %route, status, ms = elapsed.as_secs_f64() * 1000.0, "request");
    }
}
