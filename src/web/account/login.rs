//! Signing in and out, and the first-run setup of the instance's administrator.
use std::net::{IpAddr, Ipv4Addr};

use rocket::http::Status;
use rocket::http::uri::Origin;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::domain::account::accounts::{self, NewAccount};
use crate::domain::{DomainError, FieldErrors, account::sessions, now};
use crate::web::context::{AppState, Ctx, SESSION_COOKIE, Visit, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![login_page, login, logout, setup_page, setup]
}

/// Where to send the visitor after a form, from what they sent: only a path of this site (an
/// open redirect would let a phishing link borrow our name), percent-encoded into a valid URI
/// (a character a URI cannot hold, `/é` or `/a b`, would fail the redirect after the session
/// was opened). Anything else is "/".
pub fn safe_next(next: Option<&str>) -> String {
    let Some(next) = next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\')) else {
        return "/".to_string();
    };
    let encoded = encode_uri(next);
    match Origin::parse(&encoded) {
        Ok(origin) if !origin.path().starts_with("//") => encoded,
        _ => "/".to_string(),
    }
}

/// Percent-encodes every byte that may not appear in a URI's path or query as it is, and a `%`
/// that does not start an escape. Tabs and line breaks, which browsers drop (`/\t/evil`
/// would become `//evil`), are encoded too.
fn encode_uri(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &b) in bytes.iter().enumerate() {
        let escape = b == b'%' && bytes.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b) || escape {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn login_form(app: &App, ctx: &Ctx, login: &str, next: &str, errors: &FieldErrors) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("next", next);
    ctx.form_page(app, "auth/login.html", extra, &serde_json::json!({ "login": login }), errors)
}

#[get("/login?<next>")]
fn login_page(app: &AppState, ctx: &Ctx, next: Option<&str>) -> WebResult<Page> {
    // No `next`: the form sends none, and the organiser lands on their dashboard.
    let next = next.map_or_else(String::new, |n| safe_next(Some(n)));
    login_form(app, ctx, "", &next, &FieldErrors::new())
}

#[derive(FromForm)]
struct LoginForm {
    #[field(default = String::new())]
    login: String,
    #[field(default = String::new())]
    password: String,
    #[field(default = String::new())]
    next: String,
}

#[post("/login", data = "<form>")]
async fn login(v: Visit<'_>, ip: Option<IpAddr>, form: CsrfForm<LoginForm>) -> WebResult<Result<Redirect, Page>> {
    let Visit { app, ctx, jar } = v;
    let form = form.0;
    let next = if form.next.is_empty() { "/dashboard".to_string() } else { safe_next(Some(&form.next)) };
    let ip = ip.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let account = form.login.trim().to_lowercase();
    if app.limits.login_per_ip.check_key(&ip).is_err() || app.limits.login_per_account.check_key(&account).is_err() {
        return Err(WebError::new(Status::TooManyRequests, "error-rate-limited"));
    }
    match accounts::authenticate(&app.db, &form.login, &form.password).await? {
        Some(user) if user.email_verified_at.is_none() => {
            let errors = FieldErrors::from([("login", "error-login-unverified")]);
            Ok(Err(login_form(app, ctx, &form.login, &next, &errors)?.with_status(Status::UnprocessableEntity)))
        }
        // Said only to whoever knows the password: a suspended account is not revealed to others.
        Some(user) if user.suspended_at.is_some() => {
            let errors = FieldErrors::from([("login", "error-login-suspended")]);
            Ok(Err(login_form(app, ctx, &form.login, &next, &errors)?.with_status(Status::UnprocessableEntity)))
        }
        Some(user) => {
            let token = sessions::open(&app.db, user.id, now()).await?;
            ctx.sign_in(jar, token);
            Ok(Ok(Redirect::to(next)))
        }
        None => {
            let errors = FieldErrors::from([("password", "error-login-failed")]);
            Ok(Err(login_form(app, ctx, &form.login, &next, &errors)?.with_status(Status::UnprocessableEntity)))
        }
    }
}

#[post("/logout", data = "<_form>")]
async fn logout(v: Visit<'_>, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Visit { app, ctx, jar } = v;
    if let Some(cookie) = jar.get(SESSION_COOKIE) {
        sessions::close(&app.db, cookie.value()).await?;
    }
    ctx.sign_out(jar);
    flash(jar, "info", "flash-signed-out");
    Ok(Redirect::to("/"))
}

/// The setup page exists only while no account does, behind the token printed in the log.
fn check_setup_token(app: &App, token: &str) -> WebResult<()> {
    let expected = app.setup_token.lock().map_err(|_| WebError::internal("setup token lock poisoned"))?;
    match expected.as_deref() {
        Some(t) if crate::domain::tokens::hash_token(t) == crate::domain::tokens::hash_token(token) => Ok(()),
        _ => Err(WebError::not_found()),
    }
}

fn setup_form(app: &App, ctx: &Ctx, token: &str, form: &SetupForm, errors: &FieldErrors) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("token", token);
    let sent = serde_json::json!({ "username": form.username, "email": form.email, "display_name": form.display_name });
    ctx.form_page(app, "auth/setup.html", extra, &sent, errors)
}

#[get("/setup/<token>")]
fn setup_page(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    check_setup_token(app, token)?;
    setup_form(app, ctx, token, &SetupForm::default(), &FieldErrors::new())
}

#[derive(FromForm, Default)]
struct SetupForm {
    #[field(default = String::new())]
    username: String,
    #[field(default = String::new())]
    email: String,
    #[field(default = String::new())]
    display_name: String,
    #[field(default = String::new())]
    password: String,
}

#[post("/setup/<token>", data = "<form>")]
async fn setup(v: Visit<'_>, token: &str, form: CsrfForm<SetupForm>) -> WebResult<Result<Redirect, Page>> {
    let Visit { app, ctx, jar } = v;
    check_setup_token(app, token)?;
    let form = form.0;
    if accounts::count(&app.db).await? > 0 {
        return Err(WebError::not_found());
    }
    let new = NewAccount {
        username: form.username.clone(),
        email: form.email.clone(),
        password: form.password.clone(),
        display_name: form.display_name.clone(),
        is_admin: true,
        verified: true,
        locale: Some(ctx.lang.clone()),
    };
    match accounts::create(&app.db, new).await {
        Ok(id) => {
            if let Ok(mut t) = app.setup_token.lock() {
                *t = None;
            }
            let session = sessions::open(&app.db, id.0, now()).await?;
            ctx.sign_in(jar, session);
            flash(jar, "success", "flash-setup-done");
            Ok(Ok(Redirect::to("/")))
        }
        Err(DomainError::Invalid(errors)) => {
            Ok(Err(setup_form(app, ctx, token, &form, &errors)?.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}
