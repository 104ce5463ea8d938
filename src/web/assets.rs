//! What petition pages load besides themselves, all from this instance: the petition's colours,
//! its theme's stylesheet, its image, and the static files. None carries personal data, so
//! browsers may cache them.
use rocket::http::{ContentType, Header};
use rocket::{get, routes};

use super::context::AppState;
use super::error::{WebError, WebResult};
use crate::assets::Folder;
use crate::domain::ids::PetitionId;
use crate::domain::{petition::colour, petition::images};

pub fn routes() -> Vec<rocket::Route> {
    routes![colours, theme_css, image, static_file, favicon, robots]
}

#[derive(rocket::Responder)]
#[response(content_type = "text/css")]
pub struct Stylesheet(String, Header<'static>);

#[derive(rocket::Responder)]
pub struct Jpeg(pub Vec<u8>, pub ContentType, pub Header<'static>);

/// A petition's own colours as CSS custom properties, in a stylesheet of its own: the
/// Content-Security-Policy allows no inline style. The values were checked when saved.
#[get("/p/<id>/colours.css")]
async fn colours(app: &AppState, id: PetitionId) -> WebResult<Stylesheet> {
    let petition = &app.petitions.by_id(&app.db, id).await?.petition;
    let pick = |c: &Option<String>, default: &str| {
        c.as_deref().filter(|c| colour::parse(c).is_some()).unwrap_or(default).to_string()
    };
    let accent = pick(&petition.look.accent_color, colour::DEFAULT_ACCENT);
    let background = pick(&petition.look.background_color, colour::DEFAULT_BACKGROUND);
    let css =
        format!(":root {{ --accent: {accent}; --accent-fg: {}; --bg: {background}; }}\n", colour::text_on(&accent));
    Ok(Stylesheet(css, Header::new("Cache-Control", "public, max-age=300")))
}

/// `templates/themes/<name>/theme.css`, read at start-up.
#[get("/themes/<name>/theme.css")]
fn theme_css(app: &AppState, name: &str) -> WebResult<Stylesheet> {
    let css = app.views.theme_css(name).ok_or_else(WebError::not_found)?;
    Ok(Stylesheet(css.to_string(), Header::new("Cache-Control", "public, max-age=3600")))
}

/// The petition's image, re-encoded when uploaded. Pages link it with `?v=<upload time>`, an
/// address that changes with each upload, so that one can be cached for good. Only public
/// petitions show theirs.
#[get("/p/<id>/image.jpg?<v>")]
async fn image(app: &AppState, id: PetitionId, v: Option<&str>) -> WebResult<Jpeg> {
    app.petitions.by_id(&app.db, id).await?;
    let bytes = images::bytes(&app.db, id).await?;
    let cache = if v.is_some() { "public, max-age=31536000, immutable" } else { "public, max-age=300" };
    Ok(Jpeg(bytes, ContentType::JPEG, Header::new("Cache-Control", cache)))
}

#[derive(rocket::Responder)]
pub struct StaticFile(pub std::borrow::Cow<'static, [u8]>, pub ContentType, pub Header<'static>);

/// `static/…`: the binary's own, or the admin's override of it.
#[get("/static/<path..>")]
fn static_file(app: &AppState, path: std::path::PathBuf) -> WebResult<StaticFile> {
    let name = path.to_str().ok_or_else(WebError::not_found)?;
    let bytes = app.assets.get(Folder::Static, name).ok_or_else(WebError::not_found)?;
    let kind = path.extension().and_then(|e| e.to_str()).and_then(ContentType::from_extension);
    Ok(StaticFile(bytes, kind.unwrap_or(ContentType::Binary), Header::new("Cache-Control", "public, max-age=3600")))
}

/// Browsers ask for `/favicon.ico` on every site, linked or not; crawlers for `/robots.txt`.
/// Both are static files an admin may override like any other.
#[get("/favicon.ico")]
fn favicon(app: &AppState) -> WebResult<StaticFile> {
    static_file(app, "favicon.ico".into())
}

#[get("/robots.txt")]
fn robots(app: &AppState) -> WebResult<StaticFile> {
    static_file(app, "robots.txt".into())
}
