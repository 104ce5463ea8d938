//! An organiser manages a published petition's life from the dashboard: its permalinks, its
//! status, gives it away or deletes it. Forms are sent as a browser without JavaScript sends them.
use crate::common;

use super::dashboard_edit::{alice_with_petition, assert_error_at, edit, petition_of, refused};
use common::{TestApp, location};
use rocket::http::Status;
use rustition::domain::petition::petitions::{self, Content, NewPetition, OwnerId, Status as PetitionStatus};

#[rocket::async_test]
async fn an_organiser_adds_and_removes_permalinks_and_old_links_lead_to_the_main_one() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with_petition(&t).await;
    let benches = petition_of(&t, OwnerId::User(alice), "benches", "Benches too").await;
    let bob = t.user("bob", false).await;
    petition_of(&t, OwnerId::User(bob), "parks", "Bob parks").await;
    let page = format!("/dashboard/petitions/{id}/edit/permalinks");
    let add = format!("/dashboard/petitions/{id}/permalinks");

    let r = t.submit(&page, &add, &[("slug", "plant-trees")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), page);
    let (_, html) = t.get(&page).await;
    let (first, second) = (html.find("<code>trees</code>").unwrap(), html.find("<code>plant-trees</code>").unwrap());
    assert!(first < second && html[first..second].contains("main address"), "the first stays the main one");

    assert_eq!(t.get("/u/alice/trees").await.0, Status::Ok);
    let r = t.client.get("/u/alice/plant-trees").dispatch().await;
    assert_eq!(r.status(), Status::PermanentRedirect);
    assert_eq!(location(&r), "/u/alice/trees");

    // Route words, bad characters, and another petition's permalink are refused by the field.
    for (slug, message) in [
        ("dashboard", "This name is reserved"),
        ("new", "This name is reserved"),
        ("Plant Trees!", "Use only lower-case letters"),
        ("benches", "already taken"),
    ] {
        let r = t.submit(&page, &add, &[("slug", slug)]).await;
        let html = refused(r, &format!("permalink {slug:?}")).await;
        assert_error_at(&html, "slug", message);
        assert!(html.contains(&format!("value=\"{slug}\"")), "the typed permalink is kept");
    }
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM slugs WHERE petition_id = {id}")).await, 2);
    assert_eq!(t.get("/u/alice/benches").await.0, Status::Ok, "the other petition keeps its permalink");
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM slugs WHERE petition_id = {benches}")).await, 1);

    // bob's "parks" does not stop alice from having her own.
    let r = t.submit(&page, &add, &[("slug", "parks")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, bobs) = t.get("/u/bob/parks").await;
    assert!(bobs.contains("Bob parks"));
    let r = t.client.get("/u/alice/parks").dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, "/u/alice/trees".to_string()));

    // Removing the main permalink makes the oldest remaining one the main one.
    let r = t.submit(&page, &format!("/dashboard/petitions/{id}/permalinks/remove"), &[("slug", "trees")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.client.get("/u/alice/trees").dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, "/u/alice/plant-trees".to_string()), "retired");
    let (status, html) = t.get("/u/alice/plant-trees").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<h1>Trees for the square</h1>"));
    let r = t.client.get("/u/alice/parks").dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, "/u/alice/plant-trees".to_string()));
    let (_, html) = t.get(&page).await;
    let main = html.find("<code>plant-trees</code>").unwrap();
    assert!(html[main..].find("main address") < html[main..].find("<code>parks</code>"));
}

#[rocket::async_test]
async fn an_organiser_closes_reopens_unpublishes_and_publishes_a_petition() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with_petition(&t).await;
    let overview = format!("/dashboard/petitions/{id}");
    let status = format!("/dashboard/petitions/{id}/status");
    let signer = [("first_name", "Jo"), ("last_name", "Doe"), ("email", "jo@example.org")];

    let r = t.submit(&overview, &status, &[("change", "close")]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, overview.clone()));
    let (_, html) = t.get(&overview).await;
    assert!(html.contains("The petition is closed") && html.contains("value=\"reopen\""));
    let (status_code, public) = t.get("/u/alice/trees").await;
    assert_eq!(status_code, Status::Ok, "a closed petition's page stays");
    assert!(public.contains("This petition no longer accepts signatures.") && !public.contains("/sign\""));
    // Signing anyway (a form opened before closing) is refused, and nothing is recorded.
    let r = t.submit("/login", &format!("/p/{id}/sign"), &signer).await;
    assert_eq!(r.status(), Status::Conflict);
    assert!(r.into_string().await.unwrap().contains("This petition no longer accepts signatures."));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);

    let r = t.submit(&overview, &status, &[("change", "reopen")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, public) = t.get("/u/alice/trees").await;
    assert!(public.contains(&format!("action=\"/p/{id}/sign\"")));
    let r = t.submit("/u/alice/trees", &format!("/p/{id}/sign"), &signer).await;
    assert_eq!(r.status(), Status::SeeOther, "signing works again");

    let r = t.submit(&overview, &status, &[("change", "unpublish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, html) = t.get(&overview).await;
    assert!(html.contains("no longer public") && html.contains("value=\"publish\""));
    assert_eq!(t.get("/u/alice/trees").await.0, Status::NotFound);
    assert_eq!(t.get(&format!("/p/{id}")).await.0, Status::NotFound);
    let r = t.submit("/login", &format!("/p/{id}/sign"), &[("email", "late@example.org")]).await;
    assert_eq!(r.status(), Status::NotFound, "a draft cannot be signed");

    let r = t.submit(&overview, &status, &[("change", "publish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.get("/u/alice/trees").await.0, Status::Ok, "back under its permalink");

    // A draft without text cannot be published; the reason is shown by the buttons.
    let draft = petitions::create(
        &t.app().db,
        &rustition::domain::permissions::operator(OwnerId::User(alice)),
        NewPetition {
            content: Content { title: "Half written".into(), ..Default::default() },
            slug: None,
            status: PetitionStatus::Draft,
            locale: "en".into(),
            wizard_step: None,
        },
    )
    .await
    .unwrap();
    let overview = format!("/dashboard/petitions/{draft}");
    let r = t.submit(&overview, &format!("{overview}/status"), &[("change", "publish")]).await;
    let html = refused(r, "publishing a draft without text").await;
    assert!(html.contains("A petition needs a title and a text before it is published."));
    assert!(html.contains("Draft"));
    assert_eq!(t.get(&format!("/p/{draft}")).await.0, Status::NotFound);

    // Once written, it is published under a permalink made from its title.
    let r = edit(&t, draft, "content", &[("title", "Half written"), ("text", "Now whole."), ("goal", "")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.submit(&overview, &format!("{overview}/status"), &[("change", "publish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (status_code, public) = t.get("/u/alice/half-written").await;
    assert_eq!(status_code, Status::Ok);
    assert!(public.contains("Now whole."));
}

#[rocket::async_test]
async fn an_organiser_deletes_a_petition_after_confirming_and_its_signatures_go_with_it() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    for (first, email) in [("Jo", "jo@example.org"), ("Ann", "ann@example.org")] {
        t.sign("/u/alice/trees", id, &[("first_name", first), ("last_name", "Doe"), ("email", email)]).await;
    }
    let other = t.petition().await;
    t.sign(
        &format!("/p/{other}"),
        other,
        &[("first_name", "Kim"), ("last_name", "Lee"), ("email", "kept@example.org")],
    )
    .await;

    let (status, html) = t.get(&format!("/dashboard/petitions/{id}/delete")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Trees for the square") && html.contains("and its 2 signatures for ever"), "{html}");
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions").await, 2, "opening the page deletes nothing");

    let r =
        t.submit(&format!("/dashboard/petitions/{id}/delete"), &format!("/dashboard/petitions/{id}/delete"), &[]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, "/dashboard".to_string()));
    let (_, dashboard) = t.get("/dashboard").await;
    assert!(dashboard.contains("The petition is deleted.") && !dashboard.contains("Trees for the square"));
    assert_eq!(t.get("/u/alice/trees").await.0, Status::NotFound);
    assert_eq!(t.get(&format!("/p/{id}")).await.0, Status::NotFound);
    assert_eq!(t.get(&format!("/dashboard/petitions/{id}")).await.0, Status::NotFound);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {id}")).await, 0);
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM slugs WHERE petition_id = {id}")).await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1, "other petitions keep theirs");
}

#[rocket::async_test]
async fn an_organiser_gives_a_petition_to_their_organisation_unless_it_uses_the_permalink() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with_petition(&t).await;
    let friends = t.organisation("friends", "Friends of Trees", alice).await;
    petition_of(&t, OwnerId::Organisation(friends), "benches", "Friends benches").await;
    let mine = petition_of(&t, OwnerId::User(alice), "benches", "My benches").await;

    let page = format!("/dashboard/petitions/{id}/transfer");
    let (status, html) = t.get(&page).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("value=\"friends\"") && html.contains("Friends of Trees"));
    assert!(!html.contains("value=\"me\""), "not to its current owner");

    let r = t.submit(&page, &page, &[("owner", "friends")]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, format!("/dashboard/petitions/{id}")));
    let (status, public) = t.get("/o/friends/trees").await;
    assert_eq!(status, Status::Ok);
    assert!(public.contains("Friends of Trees") && public.contains("Trees for the square"));
    let r = t.client.get("/u/alice/trees").dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, "/o/friends/trees".to_string()), "moved");

    // Friends already have a petition at /o/friends/benches: alice's own "benches" cannot join.
    let page = format!("/dashboard/petitions/{mine}/transfer");
    let html = refused(t.submit(&page, &page, &[("owner", "friends")]).await, "permalink taken at the new owner").await;
    assert!(html.contains("The new owner already uses one of this petition"));
    let (status, public) = t.get("/u/alice/benches").await;
    assert_eq!(status, Status::Ok);
    assert!(public.contains("My benches"), "the petition stays where it was");
    let (_, public) = t.get("/o/friends/benches").await;
    assert!(public.contains("Friends benches"));
}
