//! Load shedding. At most `[server] max_in_flight` requests are handled at once; one more is
//! turned, before any guard or handler runs, into `GET /_overloaded`, which answers at once: a
//! short page in the visitor's language, 503, `Retry-After`. The requests let in keep their
//! usual latency (a queue that grows without bound is what makes every request slow), and the
//! memory held by requests under way stays bounded. Health probes are never turned away: a
//! load balancer must still see a busy server alive.
//!
//! A request counts from the moment it arrives until Rocket drops it (its answer written, or
//! its client gone), through a guard in the request's local cache.
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::uri::Origin;
use rocket::http::{Header, Method, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::response::{self, Responder};
use rocket::{Data, Request, Response, get, routes};

use super::context::Ctx;
use super::page::Page;

/// Where a request past the limit is sent.
fn overloaded_uri() -> Origin<'static> {
    Origin::const_new("/_overloaded", None)
}

pub fn routes() -> Vec<rocket::Route> {
    routes![overloaded]
}

pub struct Shed {
    in_flight: Arc<AtomicUsize>,
    limit: usize,
    retry_after: String,
}

impl Shed {
    pub fn new(settings: &crate::config::Server) -> Shed {
        Shed {
            in_flight: Arc::new(AtomicUsize::new(0)),
            limit: settings.max_in_flight as usize,
            retry_after: settings.retry_after_seconds.to_string(),
        }
    }
}

/// One request under way; counted out when Rocket drops the request.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// In the request's local cache: whether it was turned away, and its slot when it was not.
#[derive(Default)]
struct Admission {
    turned_away: bool,
    _slot: Option<Slot>,
}

#[rocket::async_trait]
impl Fairing for Shed {
    fn info(&self) -> Info {
        Info { name: "load shedding", kind: Kind::Request | Kind::Response }
    }

    async fn on_request(&self, req: &mut Request<'_>, _: &mut Data<'_>) {
        if self.limit == 0 || super::health::PATHS.contains(&req.uri().path().as_str()) {
            return;
        }
        let before = self.in_flight.fetch_add(1, Ordering::AcqRel);
        let slot = Slot(self.in_flight.clone());
        if before < self.limit {
            req.local_cache(|| Admission { turned_away: false, _slot: Some(slot) });
            return;
        }
        drop(slot);
        req.local_cache(|| Admission { turned_away: true, _slot: None });
        req.set_method(Method::Get);
        req.set_uri(overloaded_uri());
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        if turned_away(req) {
            res.set_status(Status::ServiceUnavailable);
            res.set_header(Header::new("Retry-After", self.retry_after.clone()));
            res.set_header(Header::new("Cache-Control", "no-store"));
        }
    }
}

fn turned_away(req: &Request<'_>) -> bool {
    req.local_cache(Admission::default).turned_away
}

/// Only a request the fairing turned away reaches the page; anyone asking for it gets a 404.
struct TurnedAway;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for TurnedAway {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        if turned_away(req) { Outcome::Success(TurnedAway) } else { Outcome::Forward(Status::NotFound) }
    }
}

/// The busy page: a title and a sentence in the visitor's language, without the theme (no
/// template render, no database): turning a request away must cost less than serving it.
struct Busy;

impl<'r> Responder<'r, 'static> for Busy {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let Some(app) = req.rocket().state::<crate::App>() else {
            return Page::ok(String::new()).with_status(Status::ServiceUnavailable).respond_to(req);
        };
        let lang = &Ctx::of(req).lang;
        let escape = |text: String| text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let title = escape(app.i18n.tr(lang, "error-title", None));
        let message = escape(app.i18n.tr(lang, "error-overloaded", None));
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>\
             <body><main><h1>{title}</h1><p>{message}</p></main></body></html>\n"
        );
        Page::ok(html).with_status(Status::ServiceUnavailable).respond_to(req)
    }
}

#[get("/_overloaded")]
fn overloaded(_turned_away: TurnedAway) -> Busy {
    Busy
}
