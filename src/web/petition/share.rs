//! Sharing a petition without trackers. The petition page links only to this instance; a
//! signer who names their Mastodon instance or Diaspora pod gets a page of ours that names that
//! server and links to its share page (a link, not a redirect: see `domain::petition::sharing`).
use rocket::http::Status;
use rocket::{get, routes};

use crate::App;
use crate::domain::FieldErrors;
use crate::domain::ids::PetitionId;
use crate::domain::petition::petitions::PublicPetition;
use crate::domain::petition::sharing::{self, Network};
use crate::web::context::{AppState, Ctx};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;
use crate::web::petition::public::{canonical_url, themed};

pub fn routes() -> Vec<rocket::Route> {
    routes![share]
}

/// The words a signer shares, in their language.
fn text(app: &App, ctx: &Ctx, petition: &PublicPetition) -> String {
    app.i18n.tr_args(&ctx.lang, "share-text", [("title", petition.title.as_str().into())])
}

/// The "share by email" link: a `mailto:` with no recipient, filled with the petition's words.
pub(crate) fn mailto(app: &App, ctx: &Ctx, petition: &PublicPetition) -> String {
    let subject = app.i18n.tr_args(&ctx.lang, "share-mail-subject", [("title", petition.title.as_str().into())]);
    sharing::mailto(&subject, &format!("{}\n\n{}", text(app, ctx, petition), canonical_url(app, petition)))
}

/// Without `instance`, a page asking for it (the petition page has the same small form);
/// with a valid one, the same page naming that server and linking to its share page; with a
/// wrong one, the form again with the reason beside the field.
#[get("/p/<id>/share/<network>?<instance>")]
async fn share(app: &AppState, ctx: &Ctx, id: PetitionId, network: &str, instance: Option<&str>) -> WebResult<Page> {
    let network = Network::parse(network).ok_or_else(WebError::not_found)?;
    let shown = app.petitions.by_id(&app.db, id).await?;
    let petition = shown.pick(&ctx.wanted).0;
    if !petition.sharing.buttons.iter().any(|b| b == network.as_str()) {
        return Err(WebError::not_found());
    }
    let mut errors = FieldErrors::new();
    let mut extra = tera::Context::new();
    extra.insert("leaving", &None::<()>);
    if let Some(typed) = instance {
        match sharing::instance(typed) {
            Ok(host) => {
                let url = sharing::share_url(network, &host, &text(app, ctx, petition), &canonical_url(app, petition));
                extra.insert("leaving", &serde_json::json!({ "host": host, "url": url }));
            }
            Err(message) => {
                errors.insert("instance", message);
            }
        }
    }
    extra.insert("network", network.as_str());
    extra.insert("form", &serde_json::json!({ "instance": instance.unwrap_or("") }));
    extra.insert("errors", &errors);
    let page = themed(app, ctx, petition, "share.html", extra)?;
    Ok(if errors.is_empty() { page } else { page.with_status(Status::UnprocessableEntity) })
}
