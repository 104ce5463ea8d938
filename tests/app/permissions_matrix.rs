//! Who may do what beyond petitions: the template, organisation-member and instance-admin
//! routes against every role, by the rule of `dashboard_permissions`. Anonymous visitors are sent
//! to sign in, those who may not see the target get "not found", members without the right get
//! "forbidden" (the admin pages answer "forbidden" to anyone signed in who is not an admin, the
//! moderation pages to anyone who is neither an admin nor a moderator; the report form is open to all), a
//! refused request changes nothing, and an allowed one does what it says.
use crate::common;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::ids::{OrganisationId, PetitionId, UserId};
use rustition::domain::permissions::{Flag, operator};
use rustition::domain::petition::content::Content;
use rustition::domain::petition::petitions::OwnerId;
use rustition::domain::petition::templates;
use rustition::mail::queue;
use sea_orm::ConnectionTrait;

use crate::dashboard_permissions::{ROLES, Role, actors, member};

/// What a route acts on, which decides the roles that apply and who may see it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Area {
    /// A template of the organisation (of carl himself, for the Owner role).
    Template,
    /// The organisation itself.
    Organisation,
    /// The instance's administration.
    Admin,
    /// The moderation queue: moderators and admins.
    Moderation,
    /// The public side of moderation (the report form): everyone, no account needed.
    Public,
}

struct Route {
    area: Area,
    method: &'static str,
    /// `{t}` the template, `{o}` the organisation's slug, `{m}` another member (bob, also the
    /// account an admin makes a moderator), `{j}` a failed mail job; `{p}` a reported petition
    /// (with a signature from example.org), `{h}` a hidden one, `{w}` one awaiting approval, `{u}` a suspended
    /// account, `{g}` a suspended organisation.
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
    get(Area::Admin, "/admin/mail", &[]),
    post(Area::Admin, "/admin/mail/{j}/retry", &[], &[]),
    post(Area::Admin, "/admin/mail/{j}/cancel", &[], &[]),
    get(Area::Admin, "/admin/moderation/reasons", &[]),
    post(Area::Admin, "/admin/moderation/reasons", &[], &[("label[en]", "Copyright")]),
    post(Area::Admin, "/admin/moderation/reasons/1", &[], &[("label[en]", "Spam")]),
    get(Area::Moderation, "/admin", &[]),
    get(Area::Moderation, "/admin/moderation", &[]),
    get(Area::Moderation, "/admin/moderation/petitions/{p}", &[]),
    get(Area::Moderation, "/admin/moderation/withheld", &[]),
    post(Area::Moderation, "/admin/moderation/petitions/{p}/hide", &[], &[("reason", "1"), ("note", "Spam.")]),
    post(Area::Moderation, "/admin/moderation/petitions/{h}/unhide", &[], &[]),
    post(Area::Moderation, "/admin/moderation/petitions/{p}/dismiss", &[], &[]),
    post(Area::Moderation, "/admin/moderation/petitions/{w}/approve", &[], &[]),
    post(Area::Moderation, "/admin/moderation/petitions/{w}/refuse", &[], &[("note", "Not a petition.")]),
    post(Area::Moderation, "/admin/moderation/petitions/{p}/suspend-owner", &[], &[("note", "Spam.")]),
    post(Area::Moderation, "/admin/moderation/users/{u}/unsuspend", &[], &[]),
    post(Area::Moderation, "/admin/moderation/organisations/{g}/unsuspend", &[], &[]),
    get(Area::Moderation, "/admin/petitions/{p}/traffic", &[]),
    post(
        Area::Moderation,
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
            ("retention_days", "90"),
        ],
    ),
    get(Area::Admin, "/admin/users", &[]),
    post(Area::Admin, "/admin/users/{m}/moderator", &[], &[("on", "true")]),
    get(Area::Admin, "/admin/organisations", &[]),
    get(Area::Admin, "/admin/statistics", &[]),
    get(Area::Public, "/p/{p}/report", &[]),
    post(Area::Public, "/p/{p}/report", &[], &[("reason", "1"), ("details", "Spam.")]),
];

/// Whether `role` means something on `route`: an organisation has no personal owner, and on the
/// admin pages one member (with every flag) stands for all who are not admins.
fn applies(route: &Route, role: Role) -> bool {
    match route.area {
        Area::Template => true,
        Area::Organisation => role != Role::Owner,
        Area::Admin | Area::Moderation | Area::Public => !matches!(role, Role::Owner | Role::MemberWithout),
    }
}

/// What `role` should get on `route`.
fn expected(route: &Route, role: Role) -> Status {
    match (route.area, role) {
        (Area::Public, _) => route.success,
        (_, Role::Anonymous) => Status::SeeOther,
        (Area::Admin, Role::InstanceAdmin) | (Area::Moderation, Role::InstanceAdmin | Role::Moderator) => route.success,
        (Area::Admin | Area::Moderation, _) => Status::Forbidden,
        (_, Role::Outsider) => Status::NotFound,
        // Admins and moderators see every organisation but are members of none: nothing to leave.
        (Area::Organisation, Role::InstanceAdmin | Role::Moderator) if route.path.ends_with("/leave") => {
            Status::NotFound
        }
        (_, Role::MemberWithout | Role::Moderator) if !route.flags.is_empty() => Status::Forbidden,
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
        "SELECT COUNT(*) FROM instance_settings",
        "SELECT COUNT(*) FROM users WHERE is_moderator = TRUE",
        "SELECT COUNT(*) FROM organisations WHERE name = 'Changed'",
        "SELECT COUNT(*) FROM reports",
        "SELECT COUNT(*) FROM reports WHERE resolved_at IS NULL",
        "SELECT COUNT(*) FROM petitions WHERE moderation = 'hidden'",
        "SELECT COUNT(*) FROM petitions WHERE moderation = 'pending'",
        "SELECT COUNT(*) FROM petitions WHERE status = 'draft'",
        "SELECT COUNT(*) FROM users WHERE suspended_at IS NOT NULL",
        "SELECT COUNT(*) FROM organisations WHERE suspended_at IS NOT NULL",
        "SELECT COUNT(*) FROM report_reasons WHERE active = TRUE",
        "SELECT COUNT(*) FROM report_reason_labels",
        "SELECT COUNT(*) FROM audit_log",
    ] {
        values.push(t.count(sql).await);
    }
    values
}

/// A mail that failed five times: one an admin may retry or cancel.
async fn failed_mail(t: &TestApp) -> i64 {
    let db = &t.app().db;
    let draft = crate::common::test_mail("someone@example.org");
    // Due tomorrow, so that the mail worker leaves it alone until it has failed.
    let id = queue::enqueue(db, draft, chrono::Utc::now() + chrono::Duration::days(1)).await.unwrap();
    db.execute_unprepared(&format!("UPDATE mail_queue SET status = 'failed', attempts = 5 WHERE id = {id}"))
        .await
        .unwrap();
    id
}

/// What the moderation routes act on.
struct Moderated {
    reported: PetitionId,
    hidden: PetitionId,
    waiting: PetitionId,
    suspended_user: UserId,
    suspended_organisation: OrganisationId,
}

/// A petition of `org` with an open report, a hidden one, one awaiting approval, a suspended
/// account and a suspended organisation.
async fn moderation_cases(t: &TestApp, org: OrganisationId) -> Moderated {
    use sea_orm::{ActiveModelTrait, Set};
    let db = &t.app().db;
    let petition = |slug: &'static str| Content { title: slug.into(), text: "Text.".into(), ..Default::default() };
    let reported = t.petition_of(OwnerId::Organisation(org), "reported", petition("reported")).await;
    let hidden = t.petition_of(OwnerId::Organisation(org), "hidden", petition("hidden")).await;
    let waiting = t.petition_of(OwnerId::Organisation(org), "waiting", petition("waiting")).await;
    db.execute_unprepared(&format!(
        "INSERT INTO signatures (petition_id, email, email_canonical, locale, newsletter_optin, created_at) \
         VALUES ({reported}, 'x@example.org', 'x@example.org', 'en', FALSE, CURRENT_TIMESTAMP)"
    ))
    .await
    .unwrap();
    rustition::entities::report::ActiveModel {
        petition_id: Set(reported.0),
        reason_id: Set(1),
        details: Set(String::new()),
        client_key: Set("another-client".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let suspended_user = t.user("sue", false).await;
    let suspended_organisation = t.organisation("shady", "Shady", suspended_user).await;
    for sql in [
        format!("UPDATE petitions SET moderation = 'hidden', moderation_reason_id = 1 WHERE id = {hidden}"),
        format!("UPDATE petitions SET moderation = 'pending' WHERE id = {waiting}"),
        format!("UPDATE users SET suspended_at = created_at WHERE id = {suspended_user}"),
        format!("UPDATE organisations SET suspended_at = created_at WHERE id = {suspended_organisation}"),
    ] {
        db.execute_unprepared(&sql).await.unwrap();
    }
    Moderated { reported, hidden, waiting, suspended_user, suspended_organisation }
}

/// Runs `route` as `role` on a fresh instance; returns a failure, if any.
async fn check(route: &Route, role: Role) -> Option<String> {
    let (t, alice, carl) = actors(role).await;
    let db = &t.app().db;
    let bob = t.user("bob", false).await;
    t.user("dave", false).await; // whom the invitation route invites
    let friends = t.organisation("friends", "Friends", alice).await;
    member(&t, friends, bob, &[]).await;
    let moderated = moderation_cases(&t, friends).await;

    let owner = if role == Role::Owner { OwnerId::User(carl) } else { OwnerId::Organisation(friends) };
    let template = templates::create(db, &operator(owner), "Street", &Content::default()).await.unwrap();
    let job = failed_mail(&t).await;
    match role {
        Role::MemberWithout => member(&t, friends, carl, &[]).await,
        Role::MemberWith if route.area == Area::Admin => member(&t, friends, carl, &Flag::ALL).await,
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
        .replace("{p}", &moderated.reported.to_string())
        .replace("{h}", &moderated.hidden.to_string())
        .replace("{w}", &moderated.waiting.to_string())
        .replace("{u}", &moderated.suspended_user.to_string())
        .replace("{g}", &moderated.suspended_organisation.to_string());
    let before = state(&t).await;
    let (status, location) = t.request(route.method, &path, route.fields).await;
    let after = state(&t).await;

    let want = expected(route, role);
    let what = format!("{} {} as {role:?}", route.method, route.path);
    if status != want {
        return Some(format!("{what}: got {status}, expected {want}"));
    }
    if role == Role::Anonymous && route.area != Area::Public && !location.starts_with("/login?next=") {
        return Some(format!("{what}: sent to {location:?} instead of signing in"));
    }
    let allowed = (role != Role::Anonymous || route.area == Area::Public) && want == route.success;
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
            failures.extend(check(route, role).await);
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
async fn every_moderation_route_answers_each_role_as_it_should() {
    run(Area::Moderation).await;
}

#[rocket::async_test]
async fn the_report_form_answers_everyone() {
    run(Area::Public).await;
}
