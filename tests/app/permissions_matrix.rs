//! Who may do what beyond petitions: the template, organisation-member and instance-admin
//! routes against every role, by the rule of `dashboard_permissions`. Anonymous visitors are sent
//! to sign in, those who may not see the target get "not found", members without the right get
//! "forbidden" (the admin pages answer "forbidden" to anyone signed in who is not an admin), a
//! refused request changes nothing, and an allowed one does what it says.
use crate::common;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::ids::{OrganisationId, UserId};
use rustition::domain::organisation::organisations;
use rustition::domain::permissions::{Flag, operator};
use rustition::domain::petition::content::Content;
use rustition::domain::petition::petitions::OwnerId;
use rustition::domain::petition::templates;
use rustition::mail::queue::{self, MailDraft, PRIORITY_URGENT};
use sea_orm::ConnectionTrait;

use crate::dashboard_permissions::{ROLES, Role};

/// What a route acts on, which decides the roles that apply and who may see it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Area {
    /// A template of the organisation (of carl himself, for the Owner role).
    Template,
    /// The organisation itself.
    Organisation,
    /// The instance's administration.
    Admin,
    /// A petition's traffic and invalidation by rule: moderators and admins (`Moderate`).
    Traffic,
}

struct Route {
    area: Area,
    method: &'static str,
    /// `{t}` the template, `{o}` the organisation's slug, `{m}` another member (bob, also the account
    /// an admin makes a moderator), `{j}` a failed mail job, `{p}` a petition of the organisation
    /// with a signature from example.org.
    path: &'static str,
    /// The rights it needs (a member "with" holds exactly these); none: seeing the target is enough.
    flags: &'static [Flag],
    fields: &'static [(&'static str, &'static str)],
    success: Status,
}

const fn get(area: Area, path: &'static str, flags: &'static [Flag]) -> Route {
    Route { area, method: "GET", path, flags, fields: &[], success: Status::Ok }
}

const fn post(
    area: Area,
    path: &'static str,
    flags: &'static [Flag],
    fields: &'static [(&'static str, &'static str)],
) -> Route {
    Route { area, method: "POST", path, flags, fields, success: Status::SeeOther }
}

const MODIFY: &[Flag] = &[Flag::ModifyTemplates];

const ROUTES: &[Route] = &[
    get(Area::Template, "/dashboard/templates/{t}/edit/content", MODIFY),
    get(Area::Template, "/dashboard/templates/{t}/edit/fields", MODIFY),
    get(Area::Template, "/dashboard/templates/{t}/edit/look", MODIFY),
    get(Area::Template, "/dashboard/templates/{t}/edit/sharing", MODIFY),
    get(Area::Template, "/dashboard/templates/{t}/edit/mail", MODIFY),
    post(
        Area::Template,
        "/dashboard/templates/{t}/edit/content",
        MODIFY,
        &[("name", "Changed"), ("title", "Changed"), ("text", "Changed."), ("goal", "10")],
    ),
    post(Area::Template, "/dashboard/templates/{t}/edit/look", MODIFY, &[("theme", "minimal")]),
    post(Area::Template, "/dashboard/templates/{t}/default", MODIFY, &[("on", "true")]),
    post(Area::Template, "/dashboard/templates/{t}/delete", &[Flag::DeleteTemplates], &[]),
    get(Area::Organisation, "/dashboard/o/{o}/members", &[]),
    post(Area::Organisation, "/dashboard/o/{o}/invite", &[Flag::AddMembers], &[("invitee", "dave")]),
    post(
        Area::Organisation,
        "/dashboard/o/{o}/members/{m}/permissions",
        &[Flag::ModifyPermissions],
        &[("flag", "delete_templates")],
    ),
    post(Area::Organisation, "/dashboard/o/{o}/members/{m}/remove", &[Flag::RemoveMembers], &[]),
    post(Area::Organisation, "/dashboard/o/{o}/leave", &[], &[]),
    get(Area::Organisation, "/dashboard/o/{o}/profile", &[Flag::EditProfile]),
    post(Area::Organisation, "/dashboard/o/{o}/profile", &[Flag::EditProfile], &[("name", "Changed")]),
    get(Area::Admin, "/admin/mail", &[]),
    post(Area::Admin, "/admin/mail/{j}/retry", &[], &[]),
    post(Area::Admin, "/admin/mail/{j}/cancel", &[], &[]),
    get(Area::Traffic, "/admin/petitions/{p}/traffic", &[]),
    post(
        Area::Traffic,
        "/admin/petitions/{p}/traffic/invalidate",
        &[],
        &[("rule_domain", "example.org"), ("rule_reason", "A flood"), ("confirm", "true")],
    ),
    get(Area::Admin, "/admin/settings", &[]),
    post(
        Area::Admin,
        "/admin/settings",
        &[],
        &[
            ("registration", "open"),
            ("organisation_creation", "anyone"),
            ("default_theme", "classic"),
            ("banner", "Hi"),
        ],
    ),
    get(Area::Admin, "/admin/users", &[]),
    post(Area::Admin, "/admin/users/{m}/moderator", &[], &[("on", "true")]),
    get(Area::Admin, "/admin/organisations", &[]),
    get(Area::Admin, "/admin/statistics", &[]),
];

/// Whether `role` means something on `route`: an organisation has no personal owner, and on the
/// admin pages one member (with every flag) stands for all who are not admins.
fn applies(route: &Route, role: Role) -> bool {
    match route.area {
        Area::Template => true,
        Area::Organisation => role != Role::Owner,
        Area::Admin | Area::Traffic => !matches!(role, Role::Owner | Role::MemberWithout),
    }
}

/// What `role` (a moderator too, when `moderator`) should get on `route`.
fn expected(route: &Route, role: Role, moderator: bool) -> Status {
    match (route.area, role) {
        (_, Role::Anonymous) => Status::SeeOther,
        (Area::Traffic, Role::InstanceAdmin) => route.success,
        (Area::Traffic, _) if moderator => route.success,
        (Area::Traffic, _) => Status::Forbidden,
        (Area::Admin, Role::InstanceAdmin) => route.success,
        (Area::Admin, _) => Status::Forbidden,
        (_, Role::Outsider) => Status::NotFound,
        // An admin sees every organisation but is a member of none: there is nothing to leave.
        (Area::Organisation, Role::InstanceAdmin) if route.path.ends_with("/leave") => Status::NotFound,
        (_, Role::MemberWithout) if !route.flags.is_empty() => Status::Forbidden,
        _ => route.success,
    }
}

/// What a route may change, read back: a refused request must leave all of it as it was.
async fn state(t: &TestApp) -> Vec<i64> {
    let mut values = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM petition_templates",
        "SELECT COUNT(*) FROM petition_templates WHERE name = 'Street'",
        "SELECT COUNT(*) FROM petition_templates WHERE is_default = TRUE",
        "SELECT COUNT(*) FROM petition_templates WHERE content LIKE '%minimal%'",
        "SELECT COUNT(*) FROM memberships",
        "SELECT COUNT(*) FROM memberships WHERE can_delete_templates = TRUE",
        "SELECT COUNT(*) FROM invitations",
        "SELECT COUNT(*) FROM mail_queue",
        "SELECT COUNT(*) FROM mail_queue WHERE status = 'failed'",
        "SELECT COUNT(*) FROM signatures WHERE invalidated_at IS NOT NULL",
        "SELECT COUNT(*) FROM audit_log",
        "SELECT COUNT(*) FROM instance_settings",
        "SELECT COUNT(*) FROM users WHERE is_moderator = TRUE",
        "SELECT COUNT(*) FROM organisations WHERE name = 'Changed'",
    ] {
        values.push(t.count(sql).await);
    }
    values
}

/// A mail that failed five times: one an admin may retry or cancel.
async fn failed_mail(t: &TestApp) -> i64 {
    let db = &t.app().db;
    let draft = MailDraft {
        kind: "test",
        priority: PRIORITY_URGENT,
        recipient: "someone@example.org".into(),
        subject: "Hello".into(),
        body_text: "Hello.".into(),
        body_html: None,
        reply_to: None,
    };
    // Due tomorrow, so that the mail worker leaves it alone until it has failed.
    let id = queue::enqueue(db, draft, chrono::Utc::now() + chrono::Duration::days(1)).await.unwrap();
    db.execute_unprepared(&format!("UPDATE mail_queue SET status = 'failed', attempts = 5 WHERE id = {id}"))
        .await
        .unwrap();
    id
}

/// Makes `user` a member of `org` holding exactly `flags`.
async fn member(t: &TestApp, org: OrganisationId, user: UserId, flags: &[Flag]) {
    let db = &t.app().db;
    organisations::add_member(db, &operator(org), user).await.unwrap();
    organisations::set_permissions(db, &operator(org), user, flags).await.unwrap();
}

/// Runs `route` as `role` (holding the moderator role too, when `moderator`) on a fresh
/// instance; returns a failure, if any.
async fn check(route: &Route, role: Role, moderator: bool) -> Option<String> {
    let t = TestApp::start().await;
    let db = &t.app().db;
    let alice = t.user("alice", false).await;
    let carl = t.user("carl", role == Role::InstanceAdmin).await; // the one acting, in every role but anonymous
    let bob = t.user("bob", false).await;
    t.user("dave", false).await; // whom the invitation route invites
    let friends = t.organisation("friends", "Friends", alice).await;
    member(&t, friends, bob, &[]).await;

    let owner = if role == Role::Owner { OwnerId::User(carl) } else { OwnerId::Organisation(friends) };
    let template = templates::create(db, &operator(owner), "Street", &Content::default()).await.unwrap();
    let job = failed_mail(&t).await;
    let petition = t.petition_of(OwnerId::Organisation(friends), "trees", Content::default()).await;
    db.execute_unprepared(&format!(
        "INSERT INTO signatures (petition_id, email, email_canonical, locale, newsletter_optin, created_at) \
         VALUES ({petition}, 'x@example.org', 'x@example.org', 'en', FALSE, CURRENT_TIMESTAMP)"
    ))
    .await
    .unwrap();
    if moderator {
        let mut user: rustition::entities::user::ActiveModel =
            <rustition::entities::user::Entity as sea_orm::EntityTrait>::find_by_id(carl.0)
                .one(db)
                .await
                .unwrap()
                .unwrap()
                .into();
        user.is_moderator = sea_orm::Set(true);
        sea_orm::ActiveModelTrait::update(user, db).await.unwrap();
    }
    match role {
        Role::MemberWithout => member(&t, friends, carl, &[]).await,
        Role::MemberWith if matches!(route.area, Area::Admin | Area::Traffic) => {
            member(&t, friends, carl, &Flag::ALL).await
        }
        Role::MemberWith => member(&t, friends, carl, route.flags).await,
        _ => {}
    }
    if role != Role::Anonymous {
        t.login("carl").await;
    }

    let path = route
        .path
        .replace("{t}", &template.to_string())
        .replace("{o}", "friends")
        .replace("{m}", &bob.to_string())
        .replace("{j}", &job.to_string())
        .replace("{p}", &petition.to_string());
    let before = state(&t).await;
    let response = if route.method == "GET" {
        t.client.get(path.clone()).dispatch().await
    } else {
        // The form's token comes from a page any visitor can open.
        let (_, login) = t.get("/login").await;
        let token = common::csrf_token(&login);
        let mut fields = vec![("csrf_token", token.as_str())];
        fields.extend_from_slice(route.fields);
        t.post_form(&path, &fields).await
    };
    let status = response.status();
    let location = response.headers().get_one("Location").unwrap_or_default().to_string();
    drop(response);
    let after = state(&t).await;

    let want = expected(route, role, moderator);
    let what = format!("{} {} as {role:?}{}", route.method, route.path, if moderator { " (moderator)" } else { "" });
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

async fn run(area: Area) {
    let mut failures = Vec::new();
    for route in ROUTES.iter().filter(|r| r.area == area) {
        for role in ROLES.into_iter().filter(|role| applies(route, *role)) {
            failures.extend(check(route, role, false).await);
        }
        // A moderator who is nothing else, and one who is also a member of the organisation.
        if area == Area::Traffic {
            for role in [Role::Outsider, Role::MemberWith] {
                failures.extend(check(route, role, true).await);
            }
        }
    }
    assert!(failures.is_empty(), "{area:?} authorisation matrix:\n{}", failures.join("\n"));
}

#[rocket::async_test]
async fn every_template_route_answers_each_role_as_it_should() {
    run(Area::Template).await;
}

#[rocket::async_test]
async fn every_organisation_member_route_answers_each_role_as_it_should() {
    run(Area::Organisation).await;
}

#[rocket::async_test]
async fn every_admin_route_answers_each_role_as_it_should() {
    run(Area::Admin).await;
}

#[rocket::async_test]
async fn every_traffic_route_answers_moderators_and_admins_and_refuses_the_others() {
    run(Area::Traffic).await;
}
