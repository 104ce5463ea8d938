//! The signed-in user's own account: profile, address, password, deletion.
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{FromForm, get, post, routes};

use crate::domain::ids::UserId;
use crate::domain::{DomainError, DomainResult, FieldErrors, account::accounts, organisation::organisations};
use crate::web::account::register::{action_page, notice};
use crate::web::context::{AppState, Ctx, SESSION_COOKIE, Signed, Visit, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![settings, profile, email, email_confirm_page, email_confirm, password, delete_page, delete]
}

/// The settings page; `form` and `errors` refill the form that was just sent.
fn settings_page(s: Signed<'_>, form: serde_json::Value, errors: &FieldErrors) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let mut extra = tera::Context::new();
    let mut values = serde_json::json!({ "display_name": user.display_name, "email": "", "locale": user.locale });
    if let (Some(values), Some(sent)) = (values.as_object_mut(), form.as_object()) {
        values.extend(sent.clone());
    }
    extra.insert("current_email", &user.email);
    extra.insert("locales", &app.i18n.codes().collect::<Vec<_>>());
    ctx.form_page(app, "account/settings.html", extra, &values, errors)
}

/// What the three settings forms answer: back to the settings with `flash_key` once saved, or
/// the settings page again (422) with what was `sent` and the domain's field errors.
fn settings_outcome<T>(
    s: Signed<'_>,
    result: DomainResult<T>,
    flash_key: &str,
    sent: serde_json::Value,
) -> WebResult<Result<Redirect, Page>> {
    match result {
        Ok(_) => {
            flash(s.jar, "success", flash_key);
            Ok(Ok(Redirect::to("/account")))
        }
        Err(DomainError::Invalid(errors)) => {
            Ok(Err(settings_page(s, sent, &errors)?.with_status(Status::UnprocessableEntity)))
        }
        Err(e) => Err(e.into()),
    }
}

#[get("/account")]
fn settings(s: Signed<'_>) -> WebResult<Page> {
    settings_page(s, serde_json::json!({}), &FieldErrors::new())
}

#[derive(FromForm)]
struct ProfileForm {
    #[field(default = String::new())]
    display_name: String,
    #[field(default = String::new())]
    locale: String,
}

#[post("/account/profile", data = "<form>")]
async fn profile(s: Signed<'_>, form: CsrfForm<ProfileForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, .. } = s;
    let form = form.0;
    let locale = app.i18n.supported(&form.locale).map(str::to_string);
    let result = accounts::update_profile(&app.db, user, &form.display_name, locale).await;
    let sent = serde_json::json!({ "display_name": form.display_name });
    settings_outcome(s, result, "flash-saved", sent)
}

#[derive(FromForm)]
struct EmailForm {
    #[field(default = String::new())]
    email: String,
}

#[post("/account/email", data = "<form>")]
async fn email(s: Signed<'_>, form: CsrfForm<EmailForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, .. } = s;
    let result = accounts::request_email_change(&app.db, user, &form.0.email, &app.composer).await;
    let sent = serde_json::json!({ "email": form.0.email });
    settings_outcome(s, result, "flash-email-sent", sent)
}

#[get("/account/email/<token>")]
fn email_confirm_page(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    action_page(
        app,
        ctx,
        ["email-change-title", "email-change-explain", "email-change-button"],
        &format!("/account/email/{token}"),
    )
}

#[post("/account/email/<token>", data = "<_form>")]
async fn email_confirm(v: Visit<'_>, token: &str, _form: CsrfForm<TokenOnly>) -> WebResult<Result<Redirect, Page>> {
    let Visit { app, ctx, jar } = v;
    match accounts::confirm_email_change(&app.db, token).await {
        Ok(_) => {
            flash(jar, "success", "flash-email-changed");
            Ok(Ok(Redirect::to("/account")))
        }
        Err(DomainError::Refused(message)) => {
            Ok(Err(notice(app, ctx, "email-change-title", message, None)?.with_status(Status::NotFound)))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(FromForm)]
struct PasswordForm {
    #[field(default = String::new())]
    current_password: String,
    #[field(default = String::new())]
    new_password: String,
}

#[post("/account/password", data = "<form>")]
async fn password(s: Signed<'_>, form: CsrfForm<PasswordForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, user, jar, .. } = s;
    // SignedIn has checked the session: this is its token.
    let keep = jar.get(SESSION_COOKIE).map(|c| c.value().to_string()).unwrap_or_default();
    let result = accounts::change_password(&app.db, user, &form.0.current_password, &form.0.new_password, &keep).await;
    settings_outcome(s, result, "flash-password-changed", serde_json::json!({}))
}

async fn delete_form(s: Signed<'_>, errors: &FieldErrors) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let id = UserId(user.id);
    let mut extra = tera::Context::new();
    extra.insert(
        "blocking",
        &organisations::blocking_departure(&app.db, id).await?.into_iter().map(|o| o.name).collect::<Vec<_>>(),
    );
    extra.insert(
        "solely",
        &organisations::solely_held(&app.db, id).await?.into_iter().map(|o| o.name).collect::<Vec<_>>(),
    );
    ctx.form_page(app, "account/delete.html", extra, &serde_json::json!({}), errors)
}

#[get("/account/delete")]
async fn delete_page(s: Signed<'_>) -> WebResult<Page> {
    delete_form(s, &FieldErrors::new()).await
}

#[derive(FromForm)]
struct DeleteForm {
    #[field(default = String::new())]
    password: String,
}

#[post("/account/delete", data = "<form>")]
async fn delete(s: Signed<'_>, form: CsrfForm<DeleteForm>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    match accounts::delete(&app.db, user, &form.0.password).await {
        Ok(()) => {
            // The account's petitions are gone: no page may show them a second longer.
            app.petitions.clear();
            ctx.sign_out(jar);
            flash(jar, "info", "flash-account-deleted");
            Ok(Ok(Redirect::to("/")))
        }
        Err(DomainError::Invalid(errors)) => {
            Ok(Err(delete_form(s, &errors).await?.with_status(Status::UnprocessableEntity)))
        }
        Err(DomainError::Refused(message)) => {
            let errors = FieldErrors::from([("password", message)]);
            Ok(Err(delete_form(s, &errors).await?.with_status(Status::Conflict)))
        }
        Err(e) => Err(e.into()),
    }
}
