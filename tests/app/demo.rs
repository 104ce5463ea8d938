//! A public demo that resets (`[demo] reset_hours`): seeded petitions in each theme and
//! language, a banner on every page saying when it is wiped, and a reset that puts the demo back
//! as new while no other organisation's data moves.
use rocket::http::Status;
use rustition::domain::demo;
use rustition::entities::{membership, organisation, signature, slug, user};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};

use crate::common::{self, TestApp};

/// The page at `path` once it shows `text` (the reset runs in the background, and the public
/// pages are cached for a second).
async fn page_showing(t: &TestApp, path: &str, lang: &str, text: &str) -> String {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let (status, html) = t.get_lang(path, lang).await;
        if status == Status::Ok && html.contains(text) {
            return html;
        }
        assert!(tokio::time::Instant::now() < deadline, "{path} never showed {text:?}: {status} {html}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn demo_petition(t: &TestApp, slug_text: &str) -> i64 {
    let org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(demo::ORG_SLUG))
        .one(&t.app().db)
        .await
        .unwrap()
        .expect("the demo organisation");
    slug::Entity::find()
        .filter(slug::Column::OwnerKey.eq(format!("o:{}", org.id)))
        .filter(slug::Column::Slug.eq(slug_text))
        .one(&t.app().db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("a demo petition at {slug_text}"))
        .petition_id
}

async fn member_of_demo(t: &TestApp, username: &str) -> bool {
    let db = &t.app().db;
    let user = user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await.unwrap().unwrap();
    let org = organisation::Entity::find().filter(organisation::Column::Slug.eq(demo::ORG_SLUG)).one(db).await.unwrap();
    let org = org.expect("the demo organisation");
    membership::Entity::find()
        .filter(membership::Column::UserId.eq(user.id))
        .filter(membership::Column::OrganisationId.eq(org.id))
        .one(db)
        .await
        .unwrap()
        .is_some()
}

#[rocket::async_test]
async fn the_demo_resets_to_its_seed_with_a_banner_and_other_organisations_keep_their_data() {
    let t = TestApp::start_with(|s| s.demo.reset_hours = 24).await;
    // Another organisation's petition, signed: the reset must leave it be.
    let other = t.petition().await;
    sea_orm::ActiveModelTrait::insert(common::signature(other, "Kept", "Signer", "kept@example.org"), &t.app().db)
        .await
        .unwrap();

    // Never reset before, the demo is seeded at start: the first petition, in English, with its
    // signatures, and a banner saying when it is wiped.
    let path = format!("/o/{}/{}", demo::ORG_SLUG, demo::PETITION_SLUG);
    // The banner comes once the whole seed is in.
    let html = page_showing(&t, &path, "en", "This is a demo: everything is wiped on").await;
    assert!(html.contains("42 signatures"), "{html}");
    let next = demo::next_reset(&t.app().db).await.unwrap().expect("a next reset");
    let when = next.format("%B %-d, %Y, %H:%M UTC").to_string();
    assert!(html.contains(&format!("This is a demo: everything is wiped on {when}.")), "{html}");
    assert!(next > chrono::Utc::now() + chrono::Duration::hours(23), "{next}");
    // Every page has it, in the visitor's language.
    let (_, login) = t.get_lang("/login", "fr").await;
    assert!(login.contains("Ceci est une démo\u{a0}: tout est effacé le"), "{login}");
    let mois = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"];
    let mois = [&mois[..], &["novembre", "décembre"]].concat();
    let month: usize = next.format("%m").to_string().parse().unwrap();
    let quand = format!("{} {} {}", next.format("%-d"), mois[month - 1], next.format("%Y à %H\u{a0}h\u{a0}%M UTC"));
    assert!(login.contains(&quand), "{quand} in {login}");

    // The other themes and French are there too, each with signatures.
    let html = page_showing(&t, "/o/demo/des-pistes-cyclables-jusqu-aux-ecoles", "fr", "27 signatures").await;
    assert!(html.contains("/themes/campaign/theme.css") && html.contains("<html lang=\"fr\""), "{html}");
    let html = page_showing(&t, "/o/demo/keep-the-library-open-on-sundays", "en", "13 signatures").await;
    assert!(html.contains("/themes/minimal/theme.css"), "{html}");
    page_showing(&t, "/o/demo/plus-d-arbres-dans-nos-rues", "fr", "Plus d’arbres dans nos rues").await;

    // The demo account signs in and finds the demo organisation among its own.
    t.login(demo::ACCOUNT).await;
    let (_, dashboard) = t.get("/dashboard").await;
    assert!(dashboard.contains("/dashboard/o/demo/members"), "{dashboard}");

    // A visitor signs the demo petition (confirmed), and the count shows it.
    let id = demo_petition(&t, demo::PETITION_SLUG).await;
    let visitor = common::signature(rustition::domain::ids::PetitionId(id), "Vis", "Itor", "visitor@example.org");
    visitor.insert(&t.app().db).await.unwrap();
    rustition::domain::signature::counting::recount(&t.app().db, id).await.unwrap();
    page_showing(&t, &path, "en", "43 signatures").await;

    // Not due yet: nothing happens. Due: exactly one reset, even asked twice at the same time.
    let languages = t.app().settings.i18n.available.clone();
    let db = &t.app().db;
    assert!(!demo::reset_if_due(db, chrono::Utc::now(), 24, &languages).await.unwrap(), "not due yet");
    let due = next + chrono::Duration::seconds(1);
    let (a, b) = tokio::join!(demo::reset_if_due(db, due, 24, &languages), demo::reset_if_due(db, due, 24, &languages));
    assert_eq!([a.unwrap(), b.unwrap()].iter().filter(|won| **won).count(), 1, "one reset wins");

    // The visitor's signature is gone, the seed is back, the banner names the new time.
    page_showing(&t, &path, "en", "42 signatures").await;
    let left = signature::Entity::find().filter(signature::Column::EmailCanonical.eq("visitor@example.org")).all(db);
    assert!(left.await.unwrap().is_empty(), "the visitor's signature was wiped");
    let later = demo::next_reset(db).await.unwrap();
    assert_eq!(later, Some(due + chrono::Duration::hours(24)), "the next reset is a period later");
    assert!(member_of_demo(&t, demo::ACCOUNT).await, "the demo account is a member again");

    // The other organisation's petition and its signature stay.
    let kept = signature::Entity::find().filter(signature::Column::PetitionId.eq(other.0)).all(db).await.unwrap();
    assert_eq!(kept.len(), 1);
    page_showing(&t, &format!("/p/{other}"), "en", "1 signature").await;
}

#[rocket::async_test]
async fn rustition_demo_makes_the_instance_admin_a_member_of_the_demo_organisation() {
    let t = TestApp::start().await;
    t.user("root", true).await;
    t.user("someone", false).await;
    let path = demo::seed(&t.app().db).await.unwrap();
    assert_eq!(path, format!("/o/demo/{}", demo::PETITION_SLUG));
    assert!(member_of_demo(&t, "root").await, "the instance admin is a member");
    assert!(!member_of_demo(&t, "someone").await, "nobody else is");
    // Once only: running it again changes nothing.
    demo::seed(&t.app().db).await.unwrap();
    let (status, html) = t.get(&path).await;
    assert_eq!(status, Status::Ok);
    assert!(!html.contains("This is a demo"), "no banner without reset_hours: {html}");
    t.login("root").await;
    let (_, dashboard) = t.get("/dashboard").await;
    assert!(dashboard.contains("/dashboard/o/demo/members"), "{dashboard}");
}
