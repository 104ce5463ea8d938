//! The demo organisation. `rustition demo` creates it with one published petition (once) and
//! makes the instance's administrators its members. With `[demo] reset_hours`, the demo is
//! wiped and seeded again on schedule: petitions in each theme and in the languages the
//! instance offers, with confirmed signatures, and the demo account as a member, so visitors
//! may try everything and the next ones find it as new. Only the demo organisation's data is
//! ever touched.
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set, Statement,
};

use super::ids::{OrganisationId, PetitionId};
use super::petition::petitions::{self, Content, FieldRule, NewPetition, OwnerId, Status};
use super::{DomainResult, now};
use crate::entities::{
    invitation, membership, organisation, organisation_logo, petition, petition_template, slug, user,
};

pub const ORG_SLUG: &str = "demo";
pub const PETITION_SLUG: &str = "more-trees-in-our-streets";
/// The account visitors sign in with on a resetting demo; its password is set again at each
/// reset, whatever a visitor changed it to.
pub const ACCOUNT: &str = "demo";
pub const ACCOUNT_PASSWORD: &str = "demo-password";

/// Returns the demo petition's path (`/o/demo/…`), creating what is missing, and makes every
/// instance administrator a member of the demo organisation (with every right).
pub async fn seed(db: &DatabaseConnection) -> DomainResult<String> {
    let org = organisation(db).await?;
    let owner_key = format!("o:{}", org.id);
    let existing = slug::Entity::find()
        .filter(slug::Column::OwnerKey.eq(&owner_key))
        .filter(slug::Column::Slug.eq(PETITION_SLUG))
        .one(db)
        .await?;
    if existing.is_none() {
        create(db, &org, &PETITIONS[0], "en").await?;
    }
    let admins: Vec<i64> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::IsAdmin.eq(true))
        .into_tuple()
        .all(db)
        .await?;
    for admin in admins {
        join(db, admin, org.id).await?;
    }
    Ok(format!("/o/{ORG_SLUG}/{PETITION_SLUG}"))
}

/// The demo organisation, created when missing.
async fn organisation(db: &impl ConnectionTrait) -> DomainResult<organisation::Model> {
    match organisation::Entity::find().filter(organisation::Column::Slug.eq(ORG_SLUG)).one(db).await? {
        Some(org) => Ok(org),
        None => Ok(organisation::ActiveModel {
            slug: Set(ORG_SLUG.into()),
            name: Set(ORG_NAME.into()),
            description: Set(ORG_DESCRIPTION.into()),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(db)
        .await?),
    }
}

/// Makes `user` a member of `org` with every right, unless it is one already.
async fn join(db: &impl ConnectionTrait, user: i64, org: i64) -> DomainResult<()> {
    let member = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user))
        .filter(membership::Column::OrganisationId.eq(org))
        .one(db)
        .await?;
    if member.is_none() {
        super::organisation::organisations::full_membership(user, org).insert(db).await?;
    }
    Ok(())
}

/// Wipes the demo organisation (its petitions with their signatures and mails, invitations,
/// templates, logo, members other than instance administrators) and seeds it again: one
/// petition per theme, in `languages` where a text exists in them, with confirmed signatures,
/// and the demo account as a member. Returns the number of petitions seeded.
pub async fn reset(db: &DatabaseConnection, languages: &[String]) -> DomainResult<usize> {
    let org = organisation(db).await?;
    // Hashed before the write transaction: the database stays free meanwhile.
    let hash = super::account::passwords::hash(ACCOUNT_PASSWORD).await?;
    let txn = crate::db::begin_write(db).await?;
    let ids: Vec<i64> = petition::Entity::find()
        .select_only()
        .column(petition::Column::Id)
        .filter(petition::Column::OrganisationId.eq(org.id))
        .into_tuple()
        .all(&txn)
        .await?;
    for id in &ids {
        crate::mail::queue::forget_for_petition(&txn, *id, None).await?;
    }
    // Signatures, permalinks, images, reports… go with their petition (cascade).
    petition::Entity::delete_many().filter(petition::Column::OrganisationId.eq(org.id)).exec(&txn).await?;
    invitation::Entity::delete_many().filter(invitation::Column::OrganisationId.eq(org.id)).exec(&txn).await?;
    petition_template::Entity::delete_many()
        .filter(petition_template::Column::OrganisationId.eq(org.id))
        .exec(&txn)
        .await?;
    organisation_logo::Entity::delete_by_id(org.id).exec(&txn).await?;
    let admins = user::Entity::find().select_only().column(user::Column::Id).filter(user::Column::IsAdmin.eq(true));
    membership::Entity::delete_many()
        .filter(membership::Column::OrganisationId.eq(org.id))
        .filter(membership::Column::UserId.not_in_subquery(sea_orm::QueryTrait::into_query(admins)))
        .exec(&txn)
        .await?;
    let mut profile = org.clone().into_active_model();
    profile.name = Set(ORG_NAME.into());
    profile.description = Set(ORG_DESCRIPTION.into());
    profile.website = Set(None);
    profile.update(&txn).await?;
    let account = account(&txn, hash).await?;
    join(&txn, account, org.id).await?;
    txn.commit().await?;

    // In the instance's languages that have a text; in English when none has.
    let offered = |lang: &str| languages.iter().any(|l| l == lang);
    let english = ["en".to_string()];
    let languages = if PETITIONS[0].texts.iter().any(|(lang, _, _)| offered(lang)) { languages } else { &english };
    let mut seeded = 0;
    for demo in &PETITIONS {
        for (lang, _, _) in demo.texts.iter().filter(|(lang, _, _)| languages.iter().any(|l| l == lang)) {
            let id = create(db, &org, demo, lang).await?;
            sign(db, id, demo.signatures, lang).await?;
            seeded += 1;
        }
    }
    Ok(seeded)
}

/// The demo account's id, created (verified, no instance rights) or given its password back.
async fn account(db: &impl ConnectionTrait, hash: String) -> DomainResult<i64> {
    match user::Entity::find().filter(user::Column::Username.eq(ACCOUNT)).one(db).await? {
        Some(found) => {
            let mut active = found.into_active_model();
            active.password_hash = Set(hash);
            Ok(active.update(db).await?.id)
        }
        None => {
            let new = super::account::accounts::NewAccount {
                username: ACCOUNT.into(),
                email: "demo@example.org".into(),
                password: ACCOUNT_PASSWORD.into(),
                display_name: "Demo".into(),
                verified: true,
                ..Default::default()
            };
            Ok(super::account::accounts::create(db, new).await?.0)
        }
    }
}

/// Publishes `demo` in `lang` for `org`, at its slug in that language.
async fn create(
    db: &DatabaseConnection,
    org: &organisation::Model,
    demo: &Demo,
    lang: &str,
) -> DomainResult<PetitionId> {
    let (_, slug, title) = demo.texts.iter().find(|(l, _, _)| *l == lang).unwrap_or(&demo.texts[0]);
    let mut content =
        Content { title: (*title).into(), text: demo.text(lang).into(), goal: demo.goal, ..Default::default() };
    content.fields.phone = FieldRule::Optional;
    content.look.theme = demo.theme.into();
    // The shell's operator seeds it: no user asked.
    let owner = super::permissions::operator(OwnerId::Organisation(OrganisationId(org.id)));
    let new = NewPetition {
        content,
        slug: Some((*slug).into()),
        status: Status::Published,
        locale: lang.into(),
        wizard_step: None,
    };
    petitions::create(db, &owner, new).await
}

/// `n` confirmed signatures of made-up people (at example.org: no mail ever goes to them), and
/// the public count recounted at once.
async fn sign(db: &DatabaseConnection, petition: PetitionId, n: usize, lang: &str) -> DomainResult<()> {
    let at = now();
    let rows = (0..n).map(|i| {
        let (first, last) =
            (FIRST_NAMES[i % FIRST_NAMES.len()], LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()]);
        let email = format!("demo-signer-{i}@example.org");
        crate::entities::signature::ActiveModel {
            petition_id: Set(petition.0),
            first_name: Set(Some(first.into())),
            last_name: Set(Some(last.into())),
            email: Set(email.clone()),
            email_canonical: Set(email),
            locale: Set(lang.into()),
            confirmed_at: Set(Some(at)),
            newsletter_optin: Set(false),
            created_at: Set(at),
            name_public: Set(false),
            ..Default::default()
        }
    });
    crate::entities::signature::Entity::insert_many(rows).exec_without_returning(db).await?;
    super::signature::counting::recount(db, petition.0).await?;
    Ok(())
}

/// Moves the next reset on by `hours` when it is due (or was never set) and, if this process
/// is the one whose update did it, resets the demo. One conditional update: of all the
/// processes that look at once, one wins. Returns whether this one reset.
pub async fn reset_if_due(
    db: &DatabaseConnection,
    at: DateTime<Utc>,
    hours: u32,
    languages: &[String],
) -> DomainResult<bool> {
    let next = at + chrono::Duration::hours(i64::from(hours));
    let sql =
        "UPDATE demo_state SET next_reset_at = $1 WHERE id = 1 AND (next_reset_at IS NULL OR next_reset_at <= $2)";
    let won = db.execute_raw(Statement::from_sql_and_values(db.get_database_backend(), sql, [next.into(), at.into()]));
    if won.await?.rows_affected() != 1 {
        return Ok(false);
    }
    reset(db, languages).await?;
    Ok(true)
}

/// When the demo is next reset, if ever.
pub async fn next_reset(db: &impl ConnectionTrait) -> DomainResult<Option<DateTime<Utc>>> {
    let sql = "SELECT next_reset_at FROM demo_state WHERE id = 1";
    let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await?;
    Ok(match row {
        Some(row) => row.try_get::<Option<DateTime<Utc>>>("", "next_reset_at")?,
        None => None,
    })
}

/// When the next reset is, as every page's banner tells it (None: the demo does not reset).
#[derive(Debug, Clone, Default)]
pub struct Clock(Arc<RwLock<Option<DateTime<Utc>>>>);

impl Clock {
    pub fn get(&self) -> Option<DateTime<Utc>> {
        *self.0.read().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn set(&self, at: Option<DateTime<Utc>>) {
        *self.0.write().unwrap_or_else(std::sync::PoisonError::into_inner) = at;
    }
}

/// Runs forever: resets the demo when due (in whichever process gets there first) and keeps
/// `clock` on the next reset, looking again at least every minute.
pub async fn run(db: DatabaseConnection, hours: u32, languages: Vec<String>, clock: Clock) {
    loop {
        match reset_if_due(&db, now(), hours, &languages).await {
            Ok(true) => tracing::info!("the demo was wiped and seeded again"),
            Ok(false) => {}
            Err(e) => tracing::error!(error = %e, "cannot reset the demo"),
        }
        let next = match next_reset(&db).await {
            Ok(next) => next,
            Err(e) => {
                tracing::error!(error = %e, "cannot read when the demo is next reset");
                None
            }
        };
        clock.set(next);
        let wait = next.map_or(chrono::Duration::minutes(1), |next| next - now());
        let wait = wait
            .to_std()
            .unwrap_or_default()
            .clamp(std::time::Duration::from_secs(1), std::time::Duration::from_secs(60));
        tokio::time::sleep(wait).await;
    }
}

/// A demo petition: its theme, and its slug and title per language.
struct Demo {
    theme: &'static str,
    goal: i64,
    signatures: usize,
    texts: [(&'static str, &'static str, &'static str); 2],
    text_en: &'static str,
    text_fr: &'static str,
}

impl Demo {
    fn text(&self, lang: &str) -> &'static str {
        if lang == "fr" { self.text_fr } else { self.text_en }
    }
}

const PETITIONS: [Demo; 3] = [
    Demo {
        theme: "classic",
        goal: 1000,
        signatures: 42,
        texts: [
            ("en", PETITION_SLUG, "More trees in our streets"),
            ("fr", "plus-d-arbres-dans-nos-rues", "Plus d’arbres dans nos rues"),
        ],
        text_en: DEMO_TEXT,
        text_fr: "Nous demandons au conseil municipal de planter **un arbre dans chaque rue** qui n’en a pas.\n\n\
Les arbres rafraîchissent nos rues en été, purifient l’air et rendent nos quartiers plus agréables.\n\n\
- de l’ombre pour les piétons et les cyclistes\n- un abri pour les oiseaux et les insectes\n- moins d’inondations après les orages\n",
    },
    Demo {
        theme: "campaign",
        goal: 500,
        signatures: 27,
        texts: [
            ("en", "safe-cycle-lanes-to-school", "Safe cycle lanes to every school"),
            ("fr", "des-pistes-cyclables-jusqu-aux-ecoles", "Des pistes cyclables jusqu’à chaque école"),
        ],
        text_en: "Children should be able to cycle to school **safely**.\n\n\
We ask for a protected cycle lane on every street that leads to a school, and lower speed limits around them.\n",
        text_fr: "Les enfants doivent pouvoir aller à l’école à vélo **en sécurité**.\n\n\
Nous demandons une piste cyclable protégée dans chaque rue qui mène à une école, et des vitesses réduites autour.\n",
    },
    Demo {
        theme: "minimal",
        goal: 200,
        signatures: 13,
        texts: [
            ("en", "keep-the-library-open-on-sundays", "Keep the library open on Sundays"),
            ("fr", "la-bibliotheque-ouverte-le-dimanche", "La bibliothèque ouverte le dimanche"),
        ],
        text_en: "The library is the only warm, quiet and free place in the neighbourhood. Keep it open on Sundays.\n",
        text_fr: "La bibliothèque est le seul lieu chaud, calme et gratuit du quartier. Gardons-la ouverte le dimanche.\n",
    },
];

const ORG_NAME: &str = "Demo association";
const ORG_DESCRIPTION: &str = "An organisation created by `rustition demo`.";
const FIRST_NAMES: [&str; 8] = ["Alex", "Camille", "Sam", "Noor", "Léa", "Tomás", "Yuki", "Ada"];
const LAST_NAMES: [&str; 6] = ["Martin", "Okafor", "Dubois", "Novak", "Silva", "Lindqvist"];

const DEMO_TEXT: &str = "We ask the city council to plant **one tree in every street** that has none.\n\n\
Trees cool our streets in summer, clean the air and make our neighbourhoods better places to live.\n\n\
- shade for pedestrians and cyclists\n- homes for birds and insects\n- less flooding after storms\n";
