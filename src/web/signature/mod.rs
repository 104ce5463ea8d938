//! A signer's path after the petition page: signing, thanks, confirming, withdrawing.
pub mod confirm;
pub mod portal;
pub mod sign;
pub mod unsubscribe;
pub mod withdraw;

use rocket::http::{Cookie, CookieJar, SameSite};

use crate::App;

/// Keeps a signer's withdrawal link for the one page that shows it (thanks, confirmed), for an
/// hour, in an HttpOnly cookie of that path alone rather than in the address a signer may share.
pub(crate) fn remember_for_page(app: &App, jar: &CookieJar<'_>, name: &'static str, value: String, path: String) {
    let cookie = Cookie::build((name, value))
        .path(path)
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(app.settings.public_url().starts_with("https://"))
        .max_age(rocket::time::Duration::hours(1))
        .build();
    jar.add(cookie);
}
