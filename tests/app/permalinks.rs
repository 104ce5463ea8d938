//! A petition's addresses never break: signing works under any of them, and one removed by its
//! organisers, or left behind by a change of owner, leads to the petition's current page.
use crate::common;

use std::time::Duration;

use common::{TestApp, location};
use rocket::http::Status;
use rustition::domain::ids::{PetitionId, UserId};
use rustition::domain::petition::petitions::{Content, OwnerId};

const MAIL_WAIT: Duration = Duration::from_secs(10);

fn content(title: &str) -> Content {
    Content { title: title.into(), text: "Plant trees.".into(), goal: 10, ..Default::default() }
}

async fn alice_with(t: &TestApp, slug: &str, title: &str) -> (UserId, PetitionId) {
    let alice = t.user("alice", false).await;
    let id = t.petition_of(OwnerId::User(alice), slug, content(title)).await;
    (alice, id)
}

/// Expects a permanent redirect from `from` to `to`.
async fn leads(t: &TestApp, from: &str, to: &str) {
    let r = t.client.get(from.to_string()).dispatch().await;
    assert_eq!((r.status(), location(&r)), (Status::PermanentRedirect, to.to_string()), "{from}");
}

#[rocket::async_test]
async fn a_form_posted_at_a_permalink_signs_and_the_mail_arrives() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let signer = [("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane@example.org")];
    let r = t.submit("/o/org-library/library", "/o/org-library/library/sign", &signer).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, format!("/p/{id}/thanks")));
    let mail = t.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    assert_eq!(mail.to, vec!["jane@example.org"]);
    assert!(mail.link_containing(&format!("/p/{id}/confirm/")).is_some(), "a confirmation link");

    let (_, shade) = alice_with(&t, "shade", "Shade").await;
    let signer = [("first_name", "Max"), ("last_name", "Roe"), ("email", "max@example.org")];
    let r = t.submit("/u/alice/shade", "/u/alice/shade/sign", &signer).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, format!("/p/{shade}/thanks")));
    assert_eq!(t.smtp.wait_for(2, MAIL_WAIT).await[1].to, vec!["max@example.org"]);

    // A mistake is shown on the page, as at /p/<id>/sign.
    let r = t.submit("/u/alice/shade", "/u/alice/shade/sign", &[("email", "nope")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap_or_default().contains("id=\"email-error\""));
    let r = t.submit("/u/alice/shade", "/u/alice/nothing/sign", &signer).await;
    assert_eq!(r.status(), Status::NotFound);
}

#[rocket::async_test]
async fn a_removed_permalink_leads_to_the_petition_until_the_owner_gives_it_to_another() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with(&t, "trees", "Trees for the square").await;
    t.login("alice").await;
    let page = format!("/dashboard/petitions/{id}/edit/permalinks");
    let r = t.submit(&page, &format!("/dashboard/petitions/{id}/permalinks"), &[("slug", "plant-trees")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let remove = format!("/dashboard/petitions/{id}/permalinks/remove");

    // The extra one removed, then the main one: both lead to what remains.
    assert_eq!(t.submit(&page, &remove, &[("slug", "plant-trees")]).await.status(), Status::SeeOther);
    leads(&t, "/u/alice/plant-trees", "/u/alice/trees").await;
    assert_eq!(
        t.submit(&page, &format!("/dashboard/petitions/{id}/permalinks"), &[("slug", "shade")]).await.status(),
        Status::SeeOther
    );
    assert_eq!(t.submit(&page, &remove, &[("slug", "trees")]).await.status(), Status::SeeOther);
    leads(&t, "/u/alice/trees", "/u/alice/shade").await;
    leads(&t, "/u/alice/plant-trees", "/u/alice/shade").await;
    let (status, html) = t.get("/u/alice/shade").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Trees for the square"));

    // alice later names another petition "trees": the new one wins.
    let other = t.petition_of(OwnerId::User(alice), "trees", content("Benches")).await;
    // Made here without the dashboard, which would drop the cached address at once.
    t.app().petitions.clear();
    let (status, html) = t.get("/u/alice/trees").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Benches"), "{other} is at its own permalink");
    // Another owner's name is another address.
    let bob = t.user("bob", false).await;
    t.petition_of(OwnerId::User(bob), "plant-trees", content("Bob's")).await;
    leads(&t, "/u/alice/plant-trees", "/u/alice/shade").await;
}

#[rocket::async_test]
async fn the_old_owners_address_leads_to_the_petition_after_it_is_given_away() {
    let t = TestApp::start().await;
    let (alice, id) = alice_with(&t, "trees", "Trees for the square").await;
    t.login("alice").await;
    t.organisation("friends", "Friends of Trees", alice).await;
    let page = format!("/dashboard/petitions/{id}/transfer");
    assert_eq!(t.submit(&page, &page, &[("owner", "friends")]).await.status(), Status::SeeOther);
    leads(&t, "/u/alice/trees", "/o/friends/trees").await;
    let (status, html) = t.get("/o/friends/trees").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Trees for the square"));

    // Given back, then away again: every address it had still leads to where it is now.
    let back = format!("/dashboard/petitions/{id}/transfer");
    assert_eq!(t.submit(&back, &back, &[("owner", "me")]).await.status(), Status::SeeOther, "back to alice");
    assert_eq!(t.get("/u/alice/trees").await.0, Status::Ok);
    leads(&t, "/o/friends/trees", "/u/alice/trees").await;
}

/// A page's other spellings (`/p/07`, any query) are served, but only a petition's two
/// addresses, per language, take a place in the page cache, so varying them fills nothing.
#[rocket::async_test]
async fn other_spellings_of_an_address_are_served_without_filling_the_page_cache() {
    let t = TestApp::start().await;
    let (_, id) = alice_with(&t, "trees", "Trees for the square").await;
    for path in [format!("/p/{id}"), "/u/alice/trees".into(), format!("/p/0{id}"), format!("/p/00{id}")] {
        let (status, html) = t.get(&path).await;
        assert_eq!(status, Status::Ok, "{path}");
        assert!(html.contains("Trees for the square"));
    }
    for n in 0..20 {
        let (status, html) = t.get(&format!("/p/{id}?utm_source=n{n}")).await;
        assert_eq!(status, Status::Ok);
        assert!(html.contains("Trees for the square"));
    }
    let kept = t.app().petitions.by_id(&t.app().db, id).await.expect("the petition").kept();
    assert!(kept <= 2, "{kept} pages kept: one per address");
}
