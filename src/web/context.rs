//! `Ctx`, the one per-request context every page is rendered with: language, CSRF token,
//! flash message (and, with accounts, the current user). Templates get all of it through
//! `Ctx::page`, so no page can forget one.
use rocket::http::CookieJar;
use rocket::http::{Cookie, SameSite};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};
use serde::Serialize;

use super::error::WebError;
use super::page::Page;
use crate::App;
use crate::domain::instance::settings::{InstanceSettings, Registration};
use crate::domain::{FieldErrors, account::sessions, guest, tokens};
use crate::entities::user;

pub const LANG_COOKIE: &str = "lang";
pub const CSRF_COOKIE: &str = "csrf";
pub const SESSION_COOKIE: &str = "session";
/// The management link of a petition started without an account, once opened (`web::guest`).
pub const GUEST_COOKIE: &str = "guest";
const FLASH_COOKIE: &str = "flash";
/// The name of the hidden field every form carries.
pub const CSRF_FIELD: &str = "csrf_token";

#[derive(Debug, Clone, Serialize)]
pub struct Flash {
    pub kind: String,
    /// A Fluent id.
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
struct LanguageLink {
    code: String,
    name: String,
    current: bool,
    /// This page in that language: the current query kept, only `lang` replaced.
    href: String,
}

/// The signed-in user, as pages show them.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub is_admin: bool,
    pub is_moderator: bool,
}

/// What every page shows of the instance's settings: the banner, the footer's links (the
/// privacy page is always linked: it says what the instance does even without the admins' text), and
/// whether signing is paused (sign forms show the message instead of their button).
#[derive(Debug, Clone, Serialize)]
struct InstanceView<'a> {
    banner: &'a str,
    description: &'a str,
    terms: bool,
    legal: bool,
    signing_paused: bool,
    signing_paused_message: &'a str,
    /// Whether anyone may register (the login page links to the form then).
    registration_open: bool,
    /// Whether visitors may start a petition without an account (the home page links to `/new`).
    guest_petitions: bool,
    /// Days of personal-data retention after a petition closes, for petitions without their own.
    retention_days: u32,
}

impl<'a> InstanceView<'a> {
    fn of(s: &'a InstanceSettings) -> InstanceView<'a> {
        InstanceView {
            banner: &s.banner,
            description: &s.description,
            terms: s.document("terms").is_some(),
            legal: s.document("legal").is_some(),
            signing_paused: s.signing_paused,
            signing_paused_message: &s.signing_paused_message,
            registration_open: s.registration == Registration::Open,
            guest_petitions: s.guest_petitions && s.personal_petitions,
            retention_days: s.retention_days,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: String,
    /// The signed-in user, when the request carries a valid session.
    pub user: Option<user::Model>,
    /// The guest identity of the management link the browser holds, on the pages it acts on
    /// (its petition's dashboard pages and `/new/manage`) only.
    pub guest: Option<guest::links::Manager>,
    /// The value in the CSRF cookie; forms carry a keyed hash of it.
    csrf_secret: String,
    pub csrf_token: String,
    pub flash: Option<Flash>,
    /// Path of the current page (no query).
    pub path: String,
    /// Path and query of the current page without its `lang` pair (as sent, percent-encoded),
    /// which language links extend: switching language keeps `?next=…` and filters.
    pub here: String,
    /// The languages the visitor asks for, first the most wanted: `?lang`, else the language
    /// cookie, then `Accept-Language`, as written (a petition's content may be in a language the
    /// interface does not offer). A petition's page picks the first its content has.
    pub wanted: Vec<String>,
    secure_cookies: bool,
}

impl Ctx {
    fn build(req: &Request<'_>) -> Ctx {
        let app = req.rocket().state::<App>().expect("App state is managed by build_rocket");
        let jar = req.cookies();
        let secure_cookies = app.settings.public_url().starts_with("https://");
        let from_query = req
            .query_value::<&str>("lang")
            .and_then(Result::ok)
            .and_then(|code| app.i18n.supported(code))
            .map(str::to_string);
        let wanted = wanted_languages(req);
        let lang = match from_query {
            Some(code) => {
                jar.add(cookie(LANG_COOKIE, code.clone(), secure_cookies));
                code
            }
            None => jar
                .get(LANG_COOKIE)
                .and_then(|c| app.i18n.supported(c.value()))
                .or_else(|| req.headers().get_one("Accept-Language").map(|h| app.i18n.from_accept_language(h)))
                .unwrap_or(app.i18n.default_locale())
                .to_string(),
        };
        let csrf_secret = match jar.get(CSRF_COOKIE).map(|c| c.value()) {
            Some(value) if value.len() == 43 => value.to_string(),
            _ => {
                let value = tokens::random_token(32);
                jar.add(cookie(CSRF_COOKIE, value.clone(), secure_cookies));
                value
            }
        };
        let csrf_token = tokens::keyed_hash(&app.csrf_key, csrf_secret.as_bytes());
        let flash = jar.get(FLASH_COOKIE).map(|c| c.value().to_string());
        if flash.is_some() {
            jar.remove(Cookie::build(FLASH_COOKIE).path("/"));
        }
        // The cookie is the visitor's to change: only a message we have is shown, never a
        // made-up key raw.
        let flash = flash.and_then(|value| {
            let (kind, message) = value.split_once(':')?;
            app.i18n.has(message).then(|| Flash { kind: kind.to_string(), message: message.to_string() })
        });
        let path = req.uri().path().to_string();
        let here = match req.uri().query() {
            Some(query) => {
                let kept: Vec<&str> =
                    query.as_str().split('&').filter(|pair| !pair.is_empty() && !is_lang_pair(pair)).collect();
                if kept.is_empty() { path.clone() } else { format!("{path}?{}", kept.join("&")) }
            }
            None => path.clone(),
        };
        Ctx { lang, user: None, guest: None, csrf_secret, csrf_token, flash, path, here, wanted, secure_cookies }
    }

    /// True when `token` is the one this visitor's forms carry.
    pub fn csrf_ok(&self, app: &App, token: &str) -> bool {
        tokens::verify_keyed_hash(&app.csrf_key, self.csrf_secret.as_bytes(), token)
    }

    pub fn secure_cookies(&self) -> bool {
        self.secure_cookies
    }

    /// The context every template starts from.
    pub fn base(&self, app: &App) -> tera::Context {
        let mut c = tera::Context::new();
        c.insert("lang", &self.lang);
        c.insert("csrf_field", CSRF_FIELD);
        c.insert("csrf_token", &self.csrf_token);
        c.insert("flash", &self.flash);
        c.insert("path", &self.path);
        let instance = app.instance.get();
        // The instance's own name where one is set; else the default, in the visitor's language.
        let site_name =
            if instance.name.is_empty() { app.i18n.tr(&self.lang, "site-name", None) } else { instance.name.clone() };
        c.insert("site_name", &site_name);
        c.insert("instance", &InstanceView::of(&instance));
        c.insert("demo_banner", &app.demo.get().map(|at| super::demo_banner::text(&app.i18n, &self.lang, at)));
        let user = self.user.as_ref().map(|u| UserView {
            id: u.id,
            username: u.username.clone(),
            display_name: u.display_name.clone(),
            is_admin: u.is_admin,
            is_moderator: u.is_moderator,
        });
        c.insert("user", &user);
        let languages: Vec<LanguageLink> = app
            .i18n
            .codes()
            .map(|code| LanguageLink {
                code: code.to_string(),
                name: app.i18n.tr(code, "language-name", None),
                current: code == self.lang,
                href: format!("{}{}lang={code}", self.here, if self.here.contains('?') { '&' } else { '?' }),
            })
            .collect();
        c.insert("languages", &languages);
        c
    }

    /// A page with a form: `form` refills its fields and `errors` stands by each of them, under
    /// the names `partials/field.html` reads, so every form page hands them over the same way.
    pub fn form_page(
        &self,
        app: &App,
        template: &str,
        mut extra: tera::Context,
        form: &impl Serialize,
        errors: &FieldErrors,
    ) -> Result<Page, WebError> {
        extra.insert("form", form);
        extra.insert("errors", errors);
        self.page(app, template, extra)
    }

    /// Renders `template` with the base context extended by `extra`.
    pub fn page(&self, app: &App, template: &str, extra: tera::Context) -> Result<Page, WebError> {
        let mut c = self.base(app);
        c.extend(extra);
        let html =
            app.views.render(template, &c).map_err(|e| WebError::internal(format!("template {template}: {e}")))?;
        Ok(Page::ok(html))
    }
}

/// At most this many wanted languages are read from a request (a header can list any number).
const MAX_WANTED: usize = 8;

/// `Ctx::wanted`: language tags only, at most `MAX_WANTED`.
fn wanted_languages(req: &Request<'_>) -> Vec<String> {
    let explicit = match req.query_value::<&str>("lang").and_then(Result::ok) {
        Some(code) => Some(code.to_string()),
        None => req.cookies().get(LANG_COOKIE).map(|c| c.value().to_string()),
    };
    let accepted = req
        .headers()
        .get_one("Accept-Language")
        .map(|h| fluent_langneg::accepted_languages::parse(h).iter().map(ToString::to_string).collect::<Vec<_>>())
        .unwrap_or_default();
    explicit
        .into_iter()
        .filter(|code| code.len() <= 35 && code.parse::<unic_langid::LanguageIdentifier>().is_ok())
        .chain(accepted)
        .take(MAX_WANTED)
        .collect()
}

/// True for a `lang=…` query pair (its name percent-decoded, as Rocket reads it).
fn is_lang_pair(pair: &str) -> bool {
    let name = pair.split_once('=').map_or(pair, |(name, _)| name);
    rocket::http::RawStr::new(name).url_decode_lossy() == "lang"
}

fn cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(rocket::time::Duration::days(365))
        .build()
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for &'r Ctx {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(Ctx::load(req).await)
    }
}

/// The user of the request's session cookie. Anonymous visitors cost no query.
async fn signed_in_user(req: &Request<'_>) -> Option<user::Model> {
    let token = req.cookies().get(SESSION_COOKIE)?.value().to_string();
    let app = req.rocket().state::<App>()?;
    match sessions::user_for(&app.db, &token, crate::domain::now()).await {
        Ok(user) => user,
        Err(e) => {
            tracing::error!(error = %e, "cannot read the session");
            None
        }
    }
}

/// The guest identity of the request's management-link cookie, on the paths it acts on: the
/// dashboard pages of its one petition, and `/new/manage`. Elsewhere it costs no query.
async fn guest_manager(req: &Request<'_>, path: &str) -> Option<guest::links::Manager> {
    let token = req.cookies().get(GUEST_COOKIE)?.value().to_string();
    let petition = path.strip_prefix("/dashboard/petitions/").map(|rest| rest.split('/').next().unwrap_or(""));
    if petition.is_none() && path != "/new/manage" && !path.starts_with("/new/manage/") {
        return None;
    }
    let app = req.rocket().state::<App>()?;
    let manager = match guest::links::manager(&app.db, &token).await {
        Ok(manager) => manager?,
        Err(e) => {
            tracing::error!(error = %e, "cannot read the management link");
            return None;
        }
    };
    match petition {
        Some(id) if id != manager.petition.to_string() => None,
        _ => Some(manager),
    }
}

impl Ctx {
    /// The request's full context, signed-in user included, built once per request.
    pub async fn load<'r>(req: &'r Request<'_>) -> &'r Ctx {
        req.local_cache_async(async {
            let mut ctx = Ctx::build(req);
            ctx.user = signed_in_user(req).await;
            ctx.guest = guest_manager(req, &ctx.path).await;
            ctx
        })
        .await
    }

    /// The request's context, built once and cached for the rest of the request. Outside a
    /// handler (an error page before any guard ran) it knows no user.
    pub fn of<'r>(req: &'r Request<'_>) -> &'r Ctx {
        req.local_cache(|| Ctx::build(req))
    }

    /// Signs the browser in with the session `token`. The CSRF secret changes with it, so a
    /// token seen before (on a page, or from a cookie planted before login) is of no use after.
    pub fn sign_in(&self, jar: &CookieJar<'_>, token: String) {
        let mut c = cookie(SESSION_COOKIE, token, self.secure_cookies);
        c.set_max_age(rocket::time::Duration::days(crate::domain::account::sessions::LIFETIME.num_days()));
        jar.add(c);
        self.new_csrf_secret(jar);
    }

    /// Forgets the session cookie, with a new CSRF secret as at sign-in.
    pub fn sign_out(&self, jar: &CookieJar<'_>) {
        jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
        self.new_csrf_secret(jar);
    }

    fn new_csrf_secret(&self, jar: &CookieJar<'_>) {
        jar.add(cookie(CSRF_COOKIE, tokens::random_token(32), self.secure_cookies));
    }
}

/// A request guard for pages that need a signed-in user: anonymous visitors are sent to the
/// login page (by the 401 catcher), and come back here after.
pub struct SignedIn<'r>(pub &'r user::Model);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SignedIn<'r> {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        match &Ctx::load(req).await.user {
            Some(user) => Outcome::Success(SignedIn(user)),
            None => Outcome::Error((rocket::http::Status::Unauthorized, ())),
        }
    }
}

/// What the handler of a signed-in page works with, in one guard: the app, the request's
/// context, the user and the cookie jar. Anonymous visitors are sent to sign in, as by
/// `SignedIn`. On the pages of a guest petition opened by its management link, the user is
/// that petition's guest identity (the permission service lets it act on that petition only). Only references: copied into the page-building helpers a handler calls.
#[derive(Clone, Copy)]
pub struct Signed<'r> {
    pub app: &'r App,
    pub ctx: &'r Ctx,
    pub user: &'r user::Model,
    pub jar: &'r CookieJar<'r>,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Signed<'r> {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let Some(app) = req.rocket().state::<App>() else {
            return Outcome::Error((rocket::http::Status::InternalServerError, ()));
        };
        let ctx = Ctx::load(req).await;
        match ctx.guest.as_ref().map(|g| &g.user).or(ctx.user.as_ref()) {
            Some(user) => Outcome::Success(Signed { app, ctx, user, jar: req.cookies() }),
            None => Outcome::Error((rocket::http::Status::Unauthorized, ())),
        }
    }
}

/// What the handler of a public form works with, in one guard: the app, the request's context
/// and the cookie jar.
pub struct Visit<'r> {
    pub app: &'r App,
    pub ctx: &'r Ctx,
    pub jar: &'r CookieJar<'r>,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Visit<'r> {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        match req.rocket().state::<App>() {
            Some(app) => Outcome::Success(Visit { app, ctx: Ctx::load(req).await, jar: req.cookies() }),
            None => Outcome::Error((rocket::http::Status::InternalServerError, ())),
        }
    }
}

/// Shows `message` (a Fluent id) on the next page this visitor sees.
pub fn flash(jar: &CookieJar<'_>, kind: &str, message: &str) {
    jar.add(
        Cookie::build((FLASH_COOKIE, format!("{kind}:{message}"))).path("/").http_only(true).same_site(SameSite::Lax),
    );
}

/// The application state, for handlers that take `&State<App>`.
pub type AppState = State<App>;
