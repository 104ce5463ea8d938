//! Petitions as the public sees them: lookup by permalink or id, the published list, and the
//! Markdown text rendered to sanitised HTML.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;

use crate::domain::ids::{OrganisationId, PetitionId, UserId};
use crate::domain::moderation;
use crate::domain::permissions::{Allowed, CreatePetition};
use crate::domain::signature::retention::Retention;
use crate::domain::{DomainError, DomainResult, now};
use crate::entities::{organisation, petition, slug, user};

pub use crate::domain::petition::content::{Content, FieldRule, Look, MailSettings, Sharing, SignerFields, Status};

/// Who a petition belongs to, as shown on its page and used in its permalink.
#[derive(Debug, Clone, Serialize)]
pub struct Owner {
    pub kind: &'static str,
    pub slug: String,
    pub name: String,
}

/// A petition ready to be shown to the public.
#[derive(Debug, Clone, Serialize)]
pub struct PublicPetition {
    pub id: PetitionId,
    pub title: String,
    /// The Markdown text, as written. Only the petition page renders it (`render_markdown`):
    /// signing, lists and mails have no use for it.
    #[serde(skip)]
    pub text: String,
    /// Markdown beside the text and on the thank-you page, rendered like `text` by the pages.
    #[serde(skip)]
    pub side_text: String,
    #[serde(skip)]
    pub thank_you_text: String,
    pub goal: i64,
    /// Confirmed signatures (as of the last count batch) plus paper signatures.
    pub count: i64,
    /// The goal reached before the organiser raised it to `goal`.
    pub reached_goal: Option<i64>,
    pub milestone_text: String,
    pub status: Status,
    pub fields: SignerFields,
    pub look: Look,
    pub sharing: Sharing,
    pub mail: MailSettings,
    pub owner: Owner,
    /// `/o/<org>/<slug>`, or `/p/<id>` when the petition has no permalink.
    pub path: String,
    pub locale: String,
    /// Its owner (the account or the organisation) is suspended: not shown to the public.
    #[serde(skip)]
    pub owner_suspended: bool,
    /// When its signers' personal data is erased (`Retention::notice` says it on its page).
    #[serde(skip)]
    pub retention: Retention,
}

impl PublicPetition {
    pub fn accepts_signatures(&self) -> bool {
        self.status == Status::Published
    }
}

/// Markdown → HTML, cleaned by ammonia: no scripts, iframes, inline styles or images (an image
/// would be loaded from another host).
/// Headings move one level down: the petition's title is the page's only `h1`, so that headings
/// stay in order for screen reader users.
pub fn render_markdown(text: &str) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
    let down = |level: HeadingLevel| match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    };
    let parser =
        pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_STRIKETHROUGH).map(|event| match event {
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                Event::Start(Tag::Heading { level: down(level), id, classes, attrs })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(down(level))),
            other => other,
        });
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::Builder::default().rm_tags(["img"]).link_rel(Some("noopener noreferrer nofollow")).clean(&html).to_string()
}

/// Owners and canonical permalinks of `rows`, fetched in three queries whatever their number.
pub(crate) async fn to_public_many(
    db: &impl ConnectionTrait,
    rows: Vec<petition::Model>,
) -> DomainResult<Vec<PublicPetition>> {
    use std::collections::HashMap;
    let org_ids: Vec<i64> = rows.iter().filter_map(|p| p.organisation_id).collect();
    let user_ids: Vec<i64> = rows.iter().filter_map(|p| p.user_id).collect();
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    let mut orgs: HashMap<i64, organisation::Model> = HashMap::new();
    if !org_ids.is_empty() {
        let found = organisation::Entity::find().filter(organisation::Column::Id.is_in(org_ids)).all(db).await?;
        orgs.extend(found.into_iter().map(|o| (o.id, o)));
    }
    let mut users: HashMap<i64, user::Model> = HashMap::new();
    if !user_ids.is_empty() {
        users.extend(
            user::Entity::find().filter(user::Column::Id.is_in(user_ids)).all(db).await?.into_iter().map(|u| (u.id, u)),
        );
    }
    // The first permalink of each petition is its canonical one.
    let mut canonical: HashMap<i64, String> = HashMap::new();
    for s in
        slug::Entity::find().filter(slug::Column::PetitionId.is_in(ids)).order_by_asc(slug::Column::Id).all(db).await?
    {
        canonical.entry(s.petition_id).or_insert(s.slug);
    }
    let mut out = Vec::with_capacity(rows.len());
    for p in rows {
        let (owner, owner_suspended) =
            match (p.organisation_id.and_then(|id| orgs.get(&id)), p.user_id.and_then(|id| users.get(&id))) {
                (Some(o), _) => {
                    (Owner { kind: "o", slug: o.slug.clone(), name: o.name.clone() }, o.suspended_at.is_some())
                }
                (None, Some(u)) => {
                    let name = if u.display_name.is_empty() { u.username.clone() } else { u.display_name.clone() };
                    (Owner { kind: "u", slug: u.username.clone(), name }, u.suspended_at.is_some())
                }
                (None, None) => return Err(DomainError::NotFound),
            };
        let path = match canonical.remove(&p.id) {
            Some(s) => format!("/{}/{}/{s}", owner.kind, owner.slug),
            None => format!("/p/{}", p.id),
        };
        let content = Content::of(&p);
        out.push(PublicPetition {
            id: PetitionId(p.id),
            title: content.title,
            text: content.text,
            side_text: content.side_text,
            thank_you_text: content.thank_you_text,
            goal: p.goal,
            count: p.confirmed_count + p.paper_signatures,
            reached_goal: p.reached_goal,
            milestone_text: content.milestone_text,
            status: Status::parse(&p.status),
            fields: content.fields,
            look: content.look,
            sharing: content.sharing,
            mail: content.mail,
            owner,
            path,
            retention: Retention::of(&p),
            locale: p.default_locale,
            owner_suspended,
        });
    }
    Ok(out)
}

/// Drafts, moderated petitions and those of suspended owners are not public: they are "not
/// found" to the public lookup (`moderation::visibility` then says why, off the hot path).
fn is_public(p: &petition::Model) -> bool {
    p.status != Status::Draft.as_str() && p.moderation == moderation::OK
}

pub async fn public_by_id(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<PublicPetition> {
    let p = petition::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)?;
    if !is_public(&p) {
        return Err(DomainError::NotFound);
    }
    to_public_many(db, vec![p]).await?.pop().filter(|p| !p.owner_suspended).ok_or(DomainError::NotFound)
}

/// A petition whatever its status, for its organisers (the caller checks they may see it).
pub async fn any_by_id(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<PublicPetition> {
    let p = petition::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)?;
    to_public_many(db, vec![p]).await?.pop().ok_or(DomainError::NotFound)
}

/// `kind` is `o` (organisation) or `u` (user), as in the permalink.
pub async fn public_by_permalink(
    db: &impl ConnectionTrait,
    kind: &str,
    owner_slug: &str,
    petition_slug: &str,
) -> DomainResult<PublicPetition> {
    let id = permalink_target(db, kind, owner_slug, petition_slug).await?.ok_or(DomainError::NotFound)?;
    public_by_id(db, id).await
}

/// The petition a permalink names, whatever its state (a retired permalink finds its petition
/// too; the page then redirects to the current one).
pub async fn permalink_target(
    db: &impl ConnectionTrait,
    kind: &str,
    owner_slug: &str,
    petition_slug: &str,
) -> DomainResult<Option<PetitionId>> {
    let owner_key = match kind {
        "o" => organisation::Entity::find()
            .filter(organisation::Column::Slug.eq(owner_slug))
            .one(db)
            .await?
            .map(|o| format!("o:{}", o.id)),
        _ => user::Entity::find()
            .filter(user::Column::Username.eq(owner_slug))
            .one(db)
            .await?
            .map(|u| format!("u:{}", u.id)),
    };
    match owner_key {
        Some(key) => super::permalinks::resolve(db, &key, petition_slug).await,
        None => Ok(None),
    }
}

/// Published petitions, newest first.
pub async fn list_public(db: &impl ConnectionTrait, limit: u64) -> DomainResult<Vec<PublicPetition>> {
    list_public_where(db, None, limit).await
}

/// An organisation's published petitions, newest first.
pub async fn list_public_of_organisation(
    db: &impl ConnectionTrait,
    org: OrganisationId,
    limit: u64,
) -> DomainResult<Vec<PublicPetition>> {
    list_public_where(db, Some(org), limit).await
}

async fn list_public_where(
    db: &impl ConnectionTrait,
    org: Option<OrganisationId>,
    limit: u64,
) -> DomainResult<Vec<PublicPetition>> {
    let mut query = petition::Entity::find()
        .filter(petition::Column::Status.is_in([Status::Published.as_str(), Status::Closed.as_str()]))
        .filter(petition::Column::Moderation.eq(moderation::OK))
        .filter(moderation::suspension::not_of_suspended_owner());
    if let Some(org) = org {
        query = query.filter(petition::Column::OrganisationId.eq(org.0));
    }
    let rows = query.order_by_desc(petition::Column::Id).limit(limit).all(db).await?;
    to_public_many(db, rows).await
}

/// What is needed to create a petition (the wizard, the demo and tests use it); its owner is
/// the target of the capability that allows it.
#[derive(Debug, Clone)]
pub struct NewPetition {
    pub content: Content,
    pub slug: Option<String>,
    pub status: Status,
    pub locale: String,
    /// The wizard step to resume at, for a petition created by the wizard.
    pub wizard_step: Option<String>,
}

/// A petition's owner: a user or an organisation, never both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerId {
    User(UserId),
    Organisation(OrganisationId),
}

impl OwnerId {
    pub fn of(p: &petition::Model) -> Option<OwnerId> {
        match (p.user_id, p.organisation_id) {
            (Some(u), None) => Some(OwnerId::User(UserId(u))),
            (None, Some(o)) => Some(OwnerId::Organisation(OrganisationId(o))),
            _ => None,
        }
    }

    /// The key permalinks are unique under (`slugs.owner_key`).
    pub fn key(self) -> String {
        match self {
            OwnerId::User(u) => format!("u:{u}"),
            OwnerId::Organisation(o) => format!("o:{o}"),
        }
    }

    pub fn write(self, a: &mut petition::ActiveModel) {
        let (user, org) = match self {
            OwnerId::User(u) => (Some(u.0), None),
            OwnerId::Organisation(o) => (None, Some(o.0)),
        };
        a.user_id = Set(user);
        a.organisation_id = Set(org);
    }
}

pub async fn create(
    db: &DatabaseConnection,
    can: &Allowed<CreatePetition, OwnerId>,
    new: NewPetition,
) -> DomainResult<PetitionId> {
    let owner = can.target();
    let txn = crate::db::begin_write(db).await?;
    let now = now();
    let mut active = petition::ActiveModel {
        status: Set(new.status.as_str().into()),
        default_locale: Set(new.locale),
        wizard_step: Set(new.wizard_step),
        created_at: Set(now),
        updated_at: Set(now),
        show_signer_names: Set(false),
        ..Default::default()
    };
    owner.write(&mut active);
    new.content.write(&mut active);
    let p = active.insert(&txn).await?;
    if let Some(s) = new.slug {
        slug::ActiveModel {
            petition_id: Set(p.id),
            owner_key: Set(owner.key()),
            slug: Set(s),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(PetitionId(p.id))
}

#[cfg(test)]
mod tests {
    use super::render_markdown;

    #[test]
    fn markdown_is_sanitised() {
        let html = render_markdown(
            "# Hi\n\n###### Deep\n\n<script>alert(1)</script>\n\n**bold** ![x](https://evil.example/x.png) [l](https://a.example)",
        );
        assert!(html.contains("<h2>Hi</h2>"), "headings sit below the page's title: {html}");
        assert!(html.contains("<h6>Deep</h6>"));
        assert!(html.contains("<strong>bold</strong>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("evil.example"));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
    }
}
