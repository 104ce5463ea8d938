//! A petition the public lookup did not find may be withheld rather than absent: hidden by a
//! moderator or of a suspended owner (410, with the reason category in the visitor's language),
//! or waiting for approval (404, "awaiting review"). Every public page of a petition, and its
//! sign form, go through `by_id` or `by_permalink` here, so they all answer alike.
use std::sync::Arc;

use rocket::http::Status;

use crate::App;
use crate::domain::DomainError;
use crate::domain::ids::PetitionId;
use crate::domain::moderation::reasons;
use crate::domain::moderation::visibility::{self, Withheld};
use crate::domain::petition::petitions;
use crate::web::context::Ctx;
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;
use crate::web::petition::cache::Shown;

/// The public petition `id`, or the page that says why it is withheld.
pub async fn by_id(app: &App, ctx: &Ctx, id: PetitionId) -> WebResult<Result<Arc<Shown>, Page>> {
    match app.petitions.by_id(&app.db, id).await {
        Ok(shown) => Ok(Ok(shown)),
        Err(DomainError::NotFound) => Ok(Err(page(app, ctx, Some(id)).await?)),
        Err(e) => Err(e.into()),
    }
}

/// The public petition of a permalink, or the page that says why it is withheld.
pub async fn by_permalink(app: &App, ctx: &Ctx, link: (&str, &str, &str)) -> WebResult<Result<Arc<Shown>, Page>> {
    match app.petitions.by_permalink(&app.db, link).await {
        Ok(shown) => Ok(Ok(shown)),
        Err(DomainError::NotFound) => {
            let id = petitions::permalink_target(&app.db, link.0, link.1, link.2).await?;
            Ok(Err(page(app, ctx, id).await?))
        }
        Err(e) => Err(e.into()),
    }
}

/// The answer for a petition the public lookup did not find: "not found" unless withheld.
async fn page(app: &App, ctx: &Ctx, id: Option<PetitionId>) -> WebResult<Page> {
    let Some(id) = id else { return Err(WebError::not_found()) };
    let Some(withheld) = visibility::withheld(&app.db, id).await? else { return Err(WebError::not_found()) };
    let langs = (ctx.lang.as_str(), app.i18n.default_locale());
    let (status, message, category) = match withheld {
        Withheld::Hidden(reason) => {
            let category = match reason {
                Some(r) => reasons::label(&app.db, r, langs).await?,
                None => None,
            };
            (Status::Gone, "withheld-hidden", category)
        }
        Withheld::Suspended => (Status::Gone, "withheld-suspended", None),
        Withheld::AwaitingReview => (Status::NotFound, "withheld-awaiting-review", None),
    };
    let mut extra = tera::Context::new();
    extra.insert("message", message);
    extra.insert("category", &category);
    Ok(ctx.page(app, "moderation/withheld.html", extra)?.with_status(status))
}
