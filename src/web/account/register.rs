//! Creating an account (with its address verified by a mailed link) and resetting a forgotten
//! password. Mailed links open a page whose button acts: mail scanners open links too.
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::App;
use crate::domain::account::accounts::{self, NewAccount};
use crate::domain::challenge::{Scope, Screening};
use crate::domain::instance::settings::Registration;
use crate::domain::organisation::invitations;
use crate::domain::{DomainError, FieldErrors, account::sessions, now};
use crate::web::account::login::safe_next;
use crate::web::client::Client;
use crate::web::context::{AppState, Ctx, Visit, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::{WebError, WebResult};
use crate::web::limits::{PublicForm, Verdict};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![register_page, register, challenge_image, verify_page, verify, forgot_page, forgot, reset_page, reset]
}

/// A page with a title, a message and maybe a link.
pub fn notice(app: &App, ctx: &Ctx, title: &str, message: &str, link: Option<(&str, &str)>) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("title_key", title);
    extra.insert("message_key", message);
    extra.insert("link", &link.map(|l| l.0));
    extra.insert("link_key", &link.map(|l| l.1));
    ctx.page(app, "notice.html", extra)
}

/// A page whose one button POSTs to `action`.
pub fn action_page(app: &App, ctx: &Ctx, keys: [&str; 3], action: &str) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("title_key", keys[0]);
    extra.insert("message_key", keys[1]);
    extra.insert("button_key", keys[2]);
    extra.insert("action", action);
    ctx.page(app, "action.html", extra)
}

/// Whether a visitor may register under the instance's policy: anyone while it is open; with
/// invitations only, whoever holds a pending invitation's token (from the mailed link, or from
/// the cookie that link left); nobody while it is closed.
async fn may_register(app: &App, jar: &CookieJar<'_>, sent: Option<&str>) -> WebResult<()> {
    match app.instance.get().registration {
        Registration::Open => Ok(()),
        Registration::Closed => Err(WebError::new(Status::NotFound, "error-registration-closed")),
        Registration::InviteOnly => {
            let cookie = jar.get(INVITATION_COOKIE).map(|c| c.value().to_string());
            let token = sent.filter(|t| !t.is_empty()).map(str::to_string).or(cookie);
            let refused = || Err(WebError::new(Status::Forbidden, "error-registration-invite-only"));
            match token.filter(|t| is_invitation_token(t)) {
                Some(token) => match invitations::show(&app.db, &token).await {
                    Ok(_) => Ok(()),
                    Err(DomainError::NotFound) => refused(),
                    Err(e) => Err(e.into()),
                },
                None => refused(),
            }
        }
    }
}

#[derive(FromForm, Default)]
struct RegisterForm {
    #[field(default = String::new())]
    username: String,
    #[field(default = String::new())]
    display_name: String,
    #[field(default = String::new())]
    email: String,
    #[field(default = String::new())]
    password: String,
    #[field(default = String::new())]
    challenge_token: String,
    #[field(default = String::new())]
    challenge: String,
    #[field(default = String::new())]
    website: String,
    /// An invitation to accept once the account is verified.
    #[field(default = String::new())]
    invitation: String,
}

async fn register_form(app: &App, ctx: &Ctx, form: &RegisterForm, errors: &FieldErrors) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("invitation", &form.invitation);
    let posed = crate::web::challenge::pose(app, &ctx.lang, app.settings.accounts.challenge, Scope::Registration);
    extra.insert("challenge", &posed);
    let sent = serde_json::json!({ "username": form.username, "display_name": form.display_name, "email": form.email });
    ctx.form_page(app, "auth/register.html", extra, &sent, errors)
}

/// Remembers, across registration and verification, the invitation that brought the visitor.
pub const INVITATION_COOKIE: &str = "invitation";

/// Invitation tokens are URL-safe base64: anything else is no invitation, and never becomes
/// part of a redirect.
fn is_invitation_token(token: &str) -> bool {
    !token.is_empty() && token.len() <= 64 && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[get("/register?<invitation>")]
async fn register_page(v: Visit<'_>, invitation: Option<&str>) -> WebResult<Page> {
    let Visit { app, ctx, jar } = v;
    may_register(app, jar, invitation).await?;
    if let Some(token) = invitation.filter(|t| is_invitation_token(t)) {
        let cookie = rocket::http::Cookie::build((INVITATION_COOKIE, token.to_string()))
            .path("/")
            .http_only(true)
            .same_site(rocket::http::SameSite::Lax)
            .secure(ctx.secure_cookies())
            .max_age(rocket::time::Duration::days(2));
        jar.add(cookie);
    }
    let form = RegisterForm { invitation: invitation.unwrap_or_default().to_string(), ..Default::default() };
    register_form(app, ctx, &form, &FieldErrors::new()).await
}

#[post("/register", data = "<form>")]
async fn register(
    app: &AppState,
    ctx: &Ctx,
    jar: &CookieJar<'_>,
    client: Client,
    form: CsrfForm<RegisterForm>,
) -> WebResult<Page> {
    let form = form.0;
    may_register(app, jar, Some(&form.invitation)).await?;
    // The form asks its challenge already: past the rate, it refuses.
    if app.limits.public_form(&client.0, PublicForm::Registration) == Verdict::Challenge {
        return Err(WebError::new(Status::TooManyRequests, "error-rate-limited"));
    }
    let done = || notice(app, ctx, "register-done-title", "register-done-message", None);
    let sent = Screening { honeypot: &form.website, token: &form.challenge_token, answer: &form.challenge };
    let screened = app.bot_defence.screen((app.settings.accounts.challenge, Scope::Registration), sent, now()).await?;
    let new = NewAccount {
        username: form.username.clone(),
        email: form.email.clone(),
        password: form.password.clone(),
        display_name: form.display_name.clone(),
        locale: Some(ctx.lang.clone()),
        ..Default::default()
    };
    match accounts::register(&app.db, (new, screened), &app.composer).await {
        Ok(_) => done(),
        Err(DomainError::Invalid(errors)) => {
            Ok(register_form(app, ctx, &form, &errors).await?.with_status(Status::UnprocessableEntity))
        }
        Err(e) => Err(e.into()),
    }
}

/// The picture of an image challenge: served once (see `challenge::picture`).
#[get("/challenge/<token>")]
async fn challenge_image(app: &AppState, token: &str) -> WebResult<(rocket::http::ContentType, Vec<u8>)> {
    match app.bot_defence.picture(token, now()).await? {
        Some(png) => Ok((rocket::http::ContentType::PNG, png)),
        None => Err(WebError::not_found()),
    }
}

#[get("/verify/<token>")]
fn verify_page(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    action_page(app, ctx, ["verify-title", "verify-explain", "verify-button"], &format!("/verify/{token}"))
}

#[post("/verify/<token>", data = "<_form>")]
async fn verify(v: Visit<'_>, token: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Result<Redirect, Page>> {
    let Visit { app, ctx, jar } = v;
    match accounts::verify(&app.db, token).await {
        Ok(user) => {
            let session = sessions::open(&app.db, user.id, now()).await?;
            ctx.sign_in(jar, session);
            flash(jar, "success", "flash-verified");
            let invitation = jar.get(INVITATION_COOKIE).map(|c| c.value().to_string());
            if invitation.is_some() {
                jar.remove(rocket::http::Cookie::build(INVITATION_COOKIE).path("/"));
            }
            let next = match invitation.filter(|t| is_invitation_token(t)) {
                Some(invitation) => safe_next(Some(&format!("/invitations/{invitation}"))),
                None => "/dashboard".to_string(),
            };
            Ok(Ok(Redirect::to(next)))
        }
        Err(DomainError::Refused(message)) => {
            Ok(Err(notice(app, ctx, "verify-title", message, None)?.with_status(Status::NotFound)))
        }
        Err(e) => Err(e.into()),
    }
}

#[get("/password/forgot")]
fn forgot_page(app: &AppState, ctx: &Ctx) -> WebResult<Page> {
    ctx.form_page(app, "auth/forgot.html", tera::Context::new(), &serde_json::json!({}), &FieldErrors::new())
}

#[derive(FromForm)]
struct ForgotForm {
    #[field(default = String::new())]
    email: String,
}

/// The same answer whether or not the address has an account.
#[post("/password/forgot", data = "<form>")]
async fn forgot(app: &AppState, ctx: &Ctx, client: Client, form: CsrfForm<ForgotForm>) -> WebResult<Page> {
    if app.limits.public_form(&client.0, PublicForm::ForgotPassword) == Verdict::Challenge {
        return Err(WebError::new(Status::TooManyRequests, "error-rate-limited"));
    }
    accounts::request_reset(&app.db, &form.0.email, &app.composer).await?;
    notice(app, ctx, "forgot-title", "forgot-done", None)
}

fn reset_form(app: &App, ctx: &Ctx, token: &str, errors: &FieldErrors) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("token", token);
    ctx.form_page(app, "auth/reset.html", extra, &serde_json::json!({}), errors)
}

/// A used or expired reset link, said when it is opened rather than after a new password was
/// typed, with the way to a new link.
fn reset_link_gone(app: &App, ctx: &Ctx) -> WebResult<Page> {
    let link = Some(("/password/forgot", "reset-link-gone-ask"));
    Ok(notice(app, ctx, "reset-link-gone-title", "reset-link-gone-message", link)?.with_status(Status::Gone))
}

#[get("/password/reset/<token>")]
async fn reset_page(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    if !accounts::reset_link_valid(&app.db, token).await? {
        return reset_link_gone(app, ctx);
    }
    reset_form(app, ctx, token, &FieldErrors::new())
}

#[derive(FromForm)]
struct ResetForm {
    #[field(default = String::new())]
    password: String,
}

#[post("/password/reset/<token>", data = "<form>")]
async fn reset(v: Visit<'_>, token: &str, form: CsrfForm<ResetForm>) -> WebResult<Result<Redirect, Page>> {
    let Visit { app, ctx, jar } = v;
    match accounts::reset_password(&app.db, token, &form.0.password).await {
        Ok(_) => {
            flash(jar, "success", "flash-password-reset");
            Ok(Ok(Redirect::to("/login")))
        }
        Err(DomainError::Invalid(errors)) => {
            Ok(Err(reset_form(app, ctx, token, &errors)?.with_status(Status::UnprocessableEntity)))
        }
        Err(DomainError::Refused(_)) => Ok(Err(reset_link_gone(app, ctx)?)),
        Err(e) => Err(e.into()),
    }
}
