//! Who may do what with a petition in the dashboard: every petition route against every role.
//! Those who may not see the petition get "not found" (the dashboard does not confirm that a
//! petition exists), members without the needed right get "forbidden", and a refused request
//! changes nothing; an allowed one does what it says.
use crate::common;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::ids::{OrganisationId, PetitionId, UserId};
use rustition::domain::organisation::organisations;
use rustition::domain::permissions::{Flag, operator};
use rustition::domain::petition::petitions::{self, Content, NewPetition, OwnerId, Status as PetitionStatus};
use sea_orm::{ActiveModelTrait, Set};

/// Who acts, in both matrices (this one and `permissions_matrix`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Role {
    /// Not signed in.
    Anonymous,
    /// Signed in, not a member of the target's organisation (and not an instance admin).
    Outsider,
    /// A member of the organisation without the route's right.
    MemberWithout,
    /// A member of the organisation with the route's right and only it (on admin routes: with
    /// every flag, which still does not make an instance admin).
    MemberWith,
    /// The user who owns the target (a personal petition or template).
    Owner,
    /// An instance administrator, member of nothing.
    InstanceAdmin,
    /// A moderator (a role an admin grants), member of nothing: sees every petition, changes none.
    Moderator,
}

pub(crate) const ROLES: [Role; 7] = [
    Role::Anonymous,
    Role::Outsider,
    Role::MemberWithout,
    Role::MemberWith,
    Role::Owner,
    Role::InstanceAdmin,
    Role::Moderator,
];

/// One route of the matrix: what it needs, and what success looks like.
struct Route {
    method: &'static str,
    /// `{p}` stands for the petition, `{s}` for one of its signatures (awaiting confirmation).
    path: &'static str,
    /// The rights it needs (a member "with" holds exactly these); none: seeing the petition is enough.
    flags: &'static [Flag],
    fields: &'static [(&'static str, &'static str)],
    success: Status,
    /// On a draft still in the creation wizard, instead of a published petition.
    draft: bool,
}

const fn get(path: &'static str, flag: Option<Flag>) -> Route {
    let flags: &'static [Flag] = match flag {
        Some(Flag::ModifyPetitions) => &[Flag::ModifyPetitions],
        Some(Flag::DeletePetitions) => &[Flag::DeletePetitions],
        Some(Flag::ViewSignatures) => &[Flag::ViewSignatures],
        Some(Flag::DeleteSignatures) => &[Flag::DeleteSignatures],
        _ => &[],
    };
    Route { method: "GET", path, flags, fields: &[], success: Status::Ok, draft: false }
}

const fn post(path: &'static str, flags: &'static [Flag], fields: &'static [(&'static str, &'static str)]) -> Route {
    Route { method: "POST", path, flags, fields, success: Status::SeeOther, draft: false }
}

/// A wizard step of a draft: seeing it and saving it need the right to create petitions.
const fn wizard(method: &'static str, path: &'static str, fields: &'static [(&'static str, &'static str)]) -> Route {
    let success = if fields.is_empty() { Status::Ok } else { Status::SeeOther };
    Route { method, path, flags: &[Flag::CreatePetitions], fields, success, draft: true }
}

const FIELDS: &[(&str, &str)] = &[
    ("goal", "50"),
    ("field_first_name", "required"),
    ("field_last_name", "optional"),
    ("field_phone", "off"),
    ("field_postal_code", "off"),
    ("field_country", "off"),
    ("field_organisation", "off"),
    ("field_custom1", "off"),
    ("field_custom2", "off"),
    ("field_custom3", "off"),
    ("go", "next"),
];

const ROUTES: &[Route] = &[
    get("/dashboard/petitions/{p}", None),
    get("/dashboard/petitions/{p}/edit/content", Some(Flag::ModifyPetitions)),
    post(
        "/dashboard/petitions/{p}/edit/content",
        &[Flag::ModifyPetitions],
        &[("title", "Changed"), ("text", "Changed."), ("goal", "10")],
    ),
    post("/dashboard/petitions/{p}/edit/paper", &[Flag::ModifyPetitions], &[("paper_signatures", "7")]),
    get("/dashboard/petitions/{p}/edit/image", Some(Flag::ModifyPetitions)),
    post("/dashboard/petitions/{p}/image/remove", &[Flag::ModifyPetitions], &[]),
    post("/dashboard/petitions/{p}/permalinks", &[Flag::ModifyPetitions], &[("slug", "more-trees")]),
    post("/dashboard/petitions/{p}/permalinks/remove", &[Flag::ModifyPetitions], &[("slug", "trees")]),
    post("/dashboard/petitions/{p}/status", &[Flag::ModifyPetitions], &[("change", "close")]),
    get("/dashboard/petitions/{p}/delete", Some(Flag::DeletePetitions)),
    post("/dashboard/petitions/{p}/delete", &[Flag::DeletePetitions], &[]),
    get("/dashboard/petitions/{p}/transfer", Some(Flag::DeletePetitions)),
    post("/dashboard/petitions/{p}/transfer", &[Flag::DeletePetitions], &[("owner", "shelter")]),
    post("/dashboard/petitions/{p}/save-template", &[Flag::CreateTemplates], &[("name", "Copy")]),
    get("/dashboard/petitions/{p}/updates", Some(Flag::ModifyPetitions)),
    post("/dashboard/petitions/{p}/updates", &[Flag::ModifyPetitions], &[("title", "News"), ("body", "Some news.")]),
    post(
        "/dashboard/petitions/{p}/response",
        &[Flag::ModifyPetitions],
        &[("response_body", "Yes."), ("responded_on", "2026-11-30")],
    ),
    get("/dashboard/petitions/{p}/signatures", Some(Flag::ViewSignatures)),
    get("/dashboard/petitions/{p}/export.csv", Some(Flag::ViewSignatures)),
    get("/dashboard/petitions/{p}/export.json", Some(Flag::ViewSignatures)),
    get("/dashboard/petitions/{p}/signatures/{s}/delete", Some(Flag::DeleteSignatures)),
    post("/dashboard/petitions/{p}/signatures/{s}/delete", &[Flag::DeleteSignatures], &[]),
    post("/dashboard/petitions/{p}/signatures/{s}/resend", &[Flag::ModifySignatures], &[]),
    Route {
        method: "POST",
        path: "/dashboard/petitions/{p}/signatures/resend",
        flags: &[Flag::ModifySignatures],
        fields: &[],
        success: Status::Ok,
        draft: false,
    },
    get("/dashboard/petitions/{p}/stats", None),
    get("/dashboard/petitions/{p}/stats.svg", None),
    wizard("GET", "/dashboard/petitions/{p}/wizard/start", &[]),
    wizard("POST", "/dashboard/petitions/{p}/wizard/start", &[("template", "blank")]),
    wizard("GET", "/dashboard/petitions/{p}/wizard/content", &[]),
    wizard(
        "POST",
        "/dashboard/petitions/{p}/wizard/content",
        &[("title", "Changed"), ("text", "Changed."), ("go", "next")],
    ),
    wizard("GET", "/dashboard/petitions/{p}/wizard/preview", &[]),
    wizard("POST", "/dashboard/petitions/{p}/wizard/preview", &[("go", "next")]),
    wizard("GET", "/dashboard/petitions/{p}/wizard/fields", &[]),
    wizard("POST", "/dashboard/petitions/{p}/wizard/fields", FIELDS),
    wizard("GET", "/dashboard/petitions/{p}/wizard/look", &[]),
    wizard("POST", "/dashboard/petitions/{p}/wizard/look", &[("theme", "minimal"), ("go", "next")]),
    wizard("GET", "/dashboard/petitions/{p}/wizard/image", &[]),
    wizard("POST", "/dashboard/petitions/{p}/wizard/image", &[("go", "next")]),
    Route {
        method: "POST",
        path: "/dashboard/petitions/{p}/wizard/image/remove",
        flags: &[Flag::CreatePetitions],
        fields: &[],
        success: Status::SeeOther,
        draft: true,
    },
    wizard("GET", "/dashboard/petitions/{p}/wizard/review", &[]),
    wizard("POST", "/dashboard/petitions/{p}/wizard/review", &[("go", "draft")]),
    // Publishing from the wizard needs the publishing right as well, as on the status buttons.
    Route {
        method: "POST",
        path: "/dashboard/petitions/{p}/wizard/review",
        flags: &[Flag::CreatePetitions, Flag::ModifyPetitions],
        fields: &[("go", "publish")],
        success: Status::SeeOther,
        draft: true,
    },
];

/// What `role` should get on `route`.
fn expected(route: &Route, role: Role) -> Status {
    match role {
        Role::Anonymous => Status::SeeOther,
        Role::Outsider => Status::NotFound,
        Role::MemberWithout if !route.flags.is_empty() => Status::Forbidden,
        // What seeing the petition allows (its overview, its statistics), and no change.
        Role::Moderator if route.method == "GET" && route.flags.is_empty() => route.success,
        Role::Moderator => Status::Forbidden,
        _ => route.success,
    }
}

/// A published petition of `owner` at `…/trees`, with an image, a confirmed signature and one awaiting
/// confirmation whose link was never mailed (so it may be sent at once); returns both ids.
async fn petition_with_signatures(t: &TestApp, owner: OwnerId, draft: bool) -> (PetitionId, i64) {
    let db = &t.app().db;
    let id = petitions::create(
        db,
        &operator(owner),
        NewPetition {
            content: Content {
                title: "Trees for the square".into(),
                text: "Plant trees.".into(),
                goal: 100,
                ..Default::default()
            },
            slug: Some("trees".into()),
            status: if draft { PetitionStatus::Draft } else { PetitionStatus::Published },
            locale: "en".into(),
            wizard_step: draft.then(|| "content".into()),
        },
    )
    .await
    .unwrap();
    let picture = image::RgbImage::from_pixel(8, 8, image::Rgb([30, 120, 60]));
    let mut png = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(picture).write_to(&mut png, image::ImageFormat::Png).unwrap();
    rustition::domain::petition::images::save::<rustition::domain::permissions::ModifyPetition>(
        db,
        (&operator(id), &Default::default()),
        png.into_inner(),
        "Trees",
    )
    .await
    .unwrap();
    let mut pending = 0;
    for (email, confirmed) in [("ann@example.org", true), ("jo@example.org", false)] {
        let mut s = common::signature(id, "Signer", "Doe", email);
        if !confirmed {
            s.confirmed_at = Set(None);
        }
        let s = s.insert(db).await.unwrap();
        if !confirmed {
            pending = s.id;
        }
    }
    (id, pending)
}

/// What a route may change, read back: a refused request must leave all of it as it was.
async fn state(t: &TestApp, friends: OrganisationId) -> Vec<i64> {
    let mut values = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM petitions".to_string(),
        "SELECT COUNT(*) FROM petitions WHERE status = 'published' AND title = 'Trees for the square' \
         AND paper_signatures = 0"
            .to_string(),
        "SELECT COUNT(*) FROM petitions WHERE status = 'draft' AND title = 'Trees for the square' AND theme = 'classic' \
         AND goal = 100"
            .to_string(),
        "SELECT COUNT(*) FROM petitions WHERE wizard_step = 'content'".to_string(),
        format!("SELECT COUNT(*) FROM petitions WHERE organisation_id = {friends}"),
        "SELECT COUNT(*) FROM petitions WHERE user_id IS NOT NULL".to_string(),
        "SELECT COUNT(*) FROM slugs".to_string(),
        "SELECT COUNT(*) FROM signatures".to_string(),
        "SELECT COUNT(*) FROM signatures WHERE token_expires_at IS NULL".to_string(),
        "SELECT COUNT(*) FROM mail_queue".to_string(),
        "SELECT COUNT(*) FROM petition_templates".to_string(),
        "SELECT COUNT(*) FROM petition_images".to_string(),
        "SELECT COUNT(*) FROM petition_updates".to_string(),
        "SELECT COUNT(*) FROM petition_responses".to_string(),
    ] {
        values.push(t.count(&sql).await);
    }
    values
}

/// A fresh instance with alice, who founds the organisations, and carl, the one acting: an
/// account in every role (the anonymous visitor never signs in with it).
pub(crate) async fn actors(role: Role) -> (TestApp, UserId, UserId) {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let carl = if role == Role::Moderator {
        t.moderator("carl").await
    } else {
        t.user("carl", role == Role::InstanceAdmin).await
    };
    (t, alice, carl)
}

/// Makes `user` a member of `org` holding exactly `flags`.
pub(crate) async fn member(t: &TestApp, org: OrganisationId, user: UserId, flags: &[Flag]) {
    let db = &t.app().db;
    organisations::add_member(db, &operator(org), user).await.unwrap();
    organisations::set_permissions(db, &operator(org), user, flags).await.unwrap();
}

/// Runs `route` as `role` on a fresh instance; returns a failure, if any.
async fn check(route: &Route, role: Role) -> Option<String> {
    let (t, alice, carl) = actors(role).await;
    let friends = t.organisation("friends", "Friends", alice).await;
    // Where carl may create petitions, for the transfer route.
    let shelter = t.organisation("shelter", "Shelter", alice).await;
    member(&t, shelter, carl, &[Flag::CreatePetitions]).await;

    let owner = if role == Role::Owner { OwnerId::User(carl) } else { OwnerId::Organisation(friends) };
    let (petition, pending) = petition_with_signatures(&t, owner, route.draft).await;
    match role {
        Role::MemberWithout => member(&t, friends, carl, &[]).await,
        Role::MemberWith => member(&t, friends, carl, route.flags).await,
        _ => {}
    }
    if role != Role::Anonymous {
        t.login("carl").await;
    }

    let path = route.path.replace("{p}", &petition.to_string()).replace("{s}", &pending.to_string());
    let before = state(&t, friends).await;
    let (status, location) = t.request(route.method, &path, route.fields).await;
    let after = state(&t, friends).await;

    let want = expected(route, role);
    let what = format!("{} {} as {role:?}", route.method, route.path);
    if status != want {
        return Some(format!("{what}: got {status}, expected {want}"));
    }
    if role == Role::Anonymous && !location.starts_with("/login?next=") {
        return Some(format!("{what}: sent to {location:?} instead of signing in"));
    }
    let allowed = role != Role::Anonymous && want == route.success;
    if !allowed && after != before {
        return Some(format!("{what}: refused, yet changed {before:?} into {after:?}"));
    }
    if allowed && route.method == "POST" && after == before {
        return Some(format!("{what}: answered {status} but changed nothing"));
    }
    None
}

#[rocket::async_test]
async fn every_petition_route_answers_each_role_as_it_should() {
    let mut failures = Vec::new();
    for route in ROUTES {
        for role in ROLES {
            failures.extend(check(route, role).await);
        }
    }
    assert!(failures.is_empty(), "dashboard authorisation matrix:\n{}", failures.join("\n"));
}

/// Finding 1 of the audit: the wizard checked only `create_petitions`, so such a member could
/// rename, blank or publish any petition of the organisation through its wizard routes.
#[rocket::async_test]
async fn a_member_who_may_only_create_petitions_cannot_rewrite_or_publish_through_the_wizard() {
    let (t, alice, carl) = actors(Role::MemberWith).await;
    let friends = t.organisation("friends", "Friends", alice).await;
    member(&t, friends, carl, &[Flag::CreatePetitions]).await;
    let (published, _) = petition_with_signatures(&t, OwnerId::Organisation(friends), false).await;
    t.login("carl").await;
    let page = format!("/dashboard/petitions/{published}");
    let wizard = |step: &str| format!("/dashboard/petitions/{published}/wizard/{step}");

    for (step, fields) in [
        ("content", &[("title", "Renamed"), ("text", "Gone."), ("go", "next")][..]),
        ("start", &[("template", "blank")][..]),
        ("review", &[("go", "publish")][..]),
    ] {
        let r = t.submit(&page, &wizard(step), fields).await;
        assert_eq!(r.status(), Status::Conflict, "{step} on a published petition");
        let html = r.into_string().await.unwrap_or_default();
        assert!(html.contains("no longer a draft in the creation wizard"), "{step}: the reason is shown");
    }
    let (_, public) = t.get("/o/friends/trees").await;
    assert!(public.contains("Trees for the square") && !public.contains("Renamed"), "the petition is unchanged");

    // In a draft they made, carl fills every step, but publishing needs someone who may.
    let (status, _) = t.get("/dashboard/new").await;
    assert_eq!(status, Status::Ok);
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "friends")]).await;
    let draft = common::location(&r);
    let review = draft.replace("/start", "/review");
    let (_, html) = t.get(&review).await;
    assert!(!html.contains("value=\"publish\""), "no publish button for carl");
    assert!(html.contains("Publishing it needs the right to modify petitions"));
    let r = t.submit(&review, &review, &[("go", "publish")]).await;
    assert_eq!(r.status(), Status::Forbidden);
}
