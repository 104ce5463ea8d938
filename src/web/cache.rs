//! Public petitions as their pages show them, kept for a moment: a viral petition's page is
//! read thousands of times a second and changes rarely, so each process reads and renders it
//! (four queries, Markdown and the HTML clean) at most once per `TTL`. The count may lag by
//! that much on top of the count batch's interval; any dashboard change to a petition drops its
//! entry at once (see `Forget`).
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Method;
use rocket::{Request, Response};
use sea_orm::ConnectionTrait;

use crate::App;
use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;
use crate::domain::images;
use crate::domain::petitions::{self, PublicPetition};

pub const TTL: Duration = Duration::from_secs(1);
/// Past this many entries, expired ones are swept before adding another.
const SWEEP_ABOVE: usize = 10_000;

/// A petition ready to show, with its text rendered once.
#[derive(Debug)]
pub struct Shown {
    pub petition: PublicPetition,
    pub text_html: String,
    pub image: Option<images::ImageMeta>,
}

#[derive(Default)]
pub struct PetitionCache {
    by_id: RwLock<HashMap<PetitionId, (Instant, Arc<Shown>)>>,
    /// `o/<org>/<slug>` → petition, for permalinks.
    by_link: RwLock<HashMap<String, (Instant, PetitionId)>>,
}

fn fresh<K: std::hash::Hash + Eq, V: Clone>(map: &RwLock<HashMap<K, (Instant, V)>>, key: &K) -> Option<V> {
    let map = map.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    map.get(key).filter(|(at, _)| at.elapsed() < TTL).map(|(_, v)| v.clone())
}

fn keep<K: std::hash::Hash + Eq, V>(map: &RwLock<HashMap<K, (Instant, V)>>, key: K, value: V) {
    let mut map = map.write().unwrap_or_else(|poisoned| poisoned.into_inner());
    if map.len() > SWEEP_ABOVE {
        map.retain(|_, (at, _)| at.elapsed() < TTL);
    }
    map.insert(key, (Instant::now(), value));
}

impl PetitionCache {
    /// A public petition (drafts and moderated ones are "not found", as uncached).
    pub async fn by_id(&self, db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Arc<Shown>> {
        if let Some(shown) = fresh(&self.by_id, &id) {
            return Ok(shown);
        }
        let petition = petitions::public_by_id(db, id).await?;
        let text_html = petitions::render_markdown(&petition.text);
        let image = images::meta(db, id).await?;
        let shown = Arc::new(Shown { petition, text_html, image });
        keep(&self.by_id, id, shown.clone());
        Ok(shown)
    }

    pub async fn by_permalink(
        &self,
        db: &impl ConnectionTrait,
        (kind, owner, slug): (&str, &str, &str),
    ) -> DomainResult<Arc<Shown>> {
        let link = format!("{kind}/{owner}/{slug}");
        let id = match fresh(&self.by_link, &link) {
            Some(id) => id,
            None => {
                let id = petitions::public_by_permalink(db, kind, owner, slug).await?.id;
                keep(&self.by_link, link, id);
                id
            }
        };
        self.by_id(db, id).await
    }

    /// Drops a petition after a change, so its organisers see it at once.
    pub fn forget(&self, id: PetitionId) {
        self.by_id.write().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(&id);
        self.by_link.write().unwrap_or_else(|poisoned| poisoned.into_inner()).retain(|_, (_, p)| *p != id);
    }

    /// Drops everything, after a change that removes petitions in bulk (an account deleted).
    pub fn clear(&self) {
        self.by_id.write().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
        self.by_link.write().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
    }
}

/// Every dashboard form that changes a petition posts under `/dashboard/petitions/<id>/`; once
/// answered, the petition's entry is dropped. One place, so no new form can forget it.
pub struct Forget;

#[rocket::async_trait]
impl Fairing for Forget {
    fn info(&self) -> Info {
        Info { name: "forget changed petitions", kind: Kind::Response }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, _res: &mut Response<'r>) {
        if req.method() != Method::Post {
            return;
        }
        let id = req
            .uri()
            .path()
            .as_str()
            .strip_prefix("/dashboard/petitions/")
            .and_then(|rest| rest.split('/').next().and_then(|id| id.parse().ok()).map(PetitionId));
        if let (Some(id), Some(app)) = (id, req.rocket().state::<App>()) {
            app.petitions.forget(id);
        }
    }
}
