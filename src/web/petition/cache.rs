//! Public petitions as their pages show them, kept for a moment: a viral petition's page is
//! read thousands of times a second and changes rarely, so each process reads and renders it
//! (five queries, two more when it lists signers' names, Markdown, the HTML clean and the page
//! template) at most once per `TTL`.
//! Anonymous visitors differ only by their CSRF token, put into the cached page per request. The count may lag by
//! that much on top of the count batch's interval, and the names by that much; any dashboard change to a petition drops its
//! entry at once (see `Forget`).
//!
//! Several servers on one database each keep their own cache, and `Forget` drops an entry only
//! in the process that took the change: the others show the old page for at most `TTL`. That
//! bound is what keeps them correct (there is no cross-process invalidation), so keep it short.
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
use crate::domain::petition::images;
use crate::domain::petition::petitions::{self, PublicPetition};
use crate::domain::petition::translations::{self, Texts};
use crate::domain::signature::public_names;
use crate::domain::signer_updates;

pub const TTL: Duration = Duration::from_secs(1);
/// Past this many entries, expired ones are swept before adding another.
const SWEEP_ABOVE: usize = 10_000;

/// Rendered pages kept per petition entry, at most: one per address (`/p/<id>` and the main
/// permalink), interface language and content language; other spellings of the address are
/// rendered and not kept.
const PAGES_PER_PETITION: usize = 32;

/// A petition's Markdown texts in one language, rendered to sanitised HTML (empty: none).
#[derive(Debug, Clone, Default)]
pub struct Html {
    pub text: String,
    /// Shown beside the text on its page.
    pub side: String,
    /// Shown on the thank-you page after signing.
    pub thank_you: String,
}

impl Html {
    fn of(p: &PublicPetition) -> Html {
        Html {
            text: petitions::render_markdown(&p.text),
            side: petitions::render_markdown(&p.side_text),
            thank_you: petitions::render_markdown(&p.thank_you_text),
        }
    }
}

/// A petition ready to show, with its text rendered once, and its page as anonymous visitors
/// see it, rendered once per (path, language) while the entry lives.
#[derive(Debug)]
pub struct Shown {
    pub petition: PublicPetition,
    pub html: Html,
    pub image: Option<images::ImageMeta>,
    /// The newest names of signers who agreed to be listed, when the petition lists them (they
    /// lag like the count, by the entry's lifetime).
    pub names: Option<public_names::Latest>,
    /// Whom it is addressed to (see `domain::delivery::addressees`).
    pub addressees: Vec<crate::domain::delivery::addressees::Addressee>,
    /// The petition in each of its other languages, by language code, with its texts rendered.
    pub translations: Vec<(PublicPetition, Html)>,
    /// The addressee's response and the newest updates, rendered.
    pub news: signer_updates::News,
    /// A handful at most, so a scan, with no allocation to look one up.
    pages: RwLock<Vec<Rendered>>,
}

/// The page as anonymous visitors of `path` in `lang` see it, with the content in `content`,
/// cut where the token goes.
#[derive(Debug)]
struct Rendered {
    path: String,
    lang: String,
    content: String,
    page: Arc<SlottedPage>,
}

/// A rendered page cut at each place the visitor's CSRF token goes, so that filling it in is
/// one copy into a string of the exact size, with no search.
#[derive(Debug)]
pub struct SlottedPage(Vec<String>);

impl SlottedPage {
    fn cut(html: &str, slot: &str) -> SlottedPage {
        SlottedPage(html.split(slot).map(str::to_string).collect())
    }

    /// The page with `token` in each slot.
    pub fn fill(&self, token: &str) -> String {
        self.0.join(token)
    }
}

impl Rendered {
    fn is(&self, (path, lang, content): (&str, &str, &str)) -> bool {
        self.path == path && self.lang == lang && self.content == content
    }
}

impl Shown {
    /// The petition's languages, its default one first.
    pub fn languages(&self) -> Vec<&str> {
        std::iter::once(self.petition.locale.as_str())
            .chain(self.translations.iter().map(|(p, _)| p.locale.as_str()))
            .collect()
    }

    /// The petition and its rendered texts in the first of `wanted` it has, else in its default
    /// language.
    pub fn pick(&self, wanted: &[String]) -> (&PublicPetition, &Html) {
        let chosen = translations::negotiate(&self.languages(), wanted);
        self.translations
            .iter()
            .find(|(p, _)| Some(p.locale.as_str()) == chosen)
            .map_or((&self.petition, &self.html), |(p, html)| (p, html))
    }

    /// How many rendered pages this entry keeps.
    pub fn kept(&self) -> usize {
        self.pages.read().unwrap_or_else(|poisoned| poisoned.into_inner()).len()
    }

    /// The page for `(path, lang, content language)`, rendered by `render` with `slot` for the
    /// token the first time.
    pub fn page<E>(
        &self,
        key: (&str, &str, &str),
        slot: &str,
        render: impl FnOnce() -> Result<String, E>,
    ) -> Result<Arc<SlottedPage>, E> {
        let pages = self.pages.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(found) = pages.iter().find(|p| p.is(key)) {
            return Ok(found.page.clone());
        }
        drop(pages);
        let page = Arc::new(SlottedPage::cut(&render()?, slot));
        let mut pages = self.pages.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        if pages.len() < PAGES_PER_PETITION && !pages.iter().any(|p| p.is(key)) {
            let (path, lang, content) = (key.0.to_string(), key.1.to_string(), key.2.to_string());
            pages.push(Rendered { path, lang, content, page: page.clone() });
        }
        Ok(page)
    }
}

pub struct PetitionCache {
    by_id: RwLock<HashMap<PetitionId, (Instant, Arc<Shown>)>>,
    /// `o/<org>/<slug>` → petition, for permalinks.
    by_link: RwLock<HashMap<String, (Instant, PetitionId)>>,
    /// Stands for the visitor's CSRF token in cached pages. Random per process, so that no
    /// petition text can contain it.
    pub token_slot: String,
}

impl Default for PetitionCache {
    fn default() -> Self {
        PetitionCache {
            by_id: RwLock::default(),
            by_link: RwLock::default(),
            token_slot: format!("csrf{}", crate::domain::tokens::random_token(24).replace(['-', '_'], "x")),
        }
    }
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
        let html = Html::of(&petition);
        let image = images::meta(db, id).await?;
        let names = if petition.fields.lists_names() { Some(public_names::latest(db, id).await?) } else { None };
        let addressees = crate::domain::delivery::addressees::of_petition(db, id).await?;
        let translations = translations::of_petition(db, id)
            .await?
            .iter()
            .map(|t| {
                let shown = Texts::of_row(t).overlay(&petition, &t.locale);
                let html = Html::of(&shown);
                (shown, html)
            })
            .collect();
        let news = signer_updates::news(db, id, signer_updates::SHOWN_ON_PAGE).await?;
        let shown =
            Arc::new(Shown { petition, html, image, names, addressees, translations, news, pages: RwLock::default() });
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
