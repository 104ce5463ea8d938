//! Organisations: invitations by user name, the rules that keep an organisation manageable, and
//! the authorisation matrix of every organisation, dashboard and admin route.
use crate::common;

use std::time::Duration;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::ids::{OrganisationId, UserId};
use rustition::domain::organisation::organisations::{self};
use rustition::domain::permissions::Flag;

/// An organisation "friends" whose only admin is alice, with bob as a member without any flag.
async fn friends(t: &TestApp) -> (OrganisationId, UserId, UserId) {
    let alice = t.user("alice", false).await;
    let bob = t.user("bob", false).await;
    let org = t.organisation("friends", "Friends", alice).await;
    organisations::add_member(&t.app().db, &rustition::domain::permissions::operator(org), bob).await.unwrap();
    organisations::set_permissions(&t.app().db, &rustition::domain::permissions::operator(org), bob, &[])
        .await
        .unwrap();
    (org, alice, bob)
}

#[rocket::async_test]
async fn a_member_invited_by_user_name_accepts_from_the_mailed_link() {
    let t = TestApp::start().await;
    let (_, _, _) = friends(&t).await;
    t.user("dora", false).await;
    t.login("alice").await;
    let r = t.invite("friends", "nobody-here").await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("No account has this user name") && html.contains("value=\"nobody-here\""));
    let r = t.invite("friends", "bob").await;
    assert_eq!(r.status(), Status::UnprocessableEntity, "already a member");
    let r = t.invite("friends", "dora").await;
    assert_eq!(r.status(), Status::SeeOther);
    let mail = t.smtp.wait_for(1, Duration::from_secs(10)).await.remove(0);
    assert_eq!(mail.to, vec!["dora@example.org"], "sent to the account's address, which alice never saw");
    let invitation =
        mail.link_containing("/invitations/").unwrap().trim_start_matches("http://petitions.test").to_string();

    // Only dora may answer an invitation made out to her name.
    let r = t.submit(&invitation, &format!("{invitation}/accept"), &[]).await;
    assert_eq!(r.status(), Status::Conflict);
    t.submit("/", "/logout", &[]).await;
    t.login("dora").await;
    let r = t.submit(&invitation, &format!("{invitation}/accept"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM memberships").await, 3);
    assert_eq!(t.get(&invitation).await.0, Status::NotFound, "used up");
}

#[rocket::async_test]
async fn the_last_member_who_can_manage_permissions_cannot_lose_them_leave_or_be_removed() {
    let t = TestApp::start().await;
    let (org, alice, bob) = friends(&t).await;
    t.login("alice").await;
    let members = "/dashboard/o/friends/members";
    let r = t
        .submit(members, &format!("/dashboard/o/friends/members/{alice}/permissions"), &[("flag", "add_members")])
        .await;
    assert_eq!(r.status(), Status::Conflict);
    assert!(r.into_string().await.unwrap().contains("at least one member who can modify permissions"));
    let r = t.submit(members, "/dashboard/o/friends/leave", &[]).await;
    assert_eq!(r.status(), Status::Conflict);
    let r = t.submit(members, &format!("/dashboard/o/friends/members/{alice}/remove"), &[]).await;
    assert_eq!(r.status(), Status::Conflict);
    let (_, html) = t.get("/account/delete").await;
    assert!(html.contains("Give one of them the right to modify permissions first"));
    let r = t.submit("/account/delete", "/account/delete", &[("password", "alice-password")]).await;
    assert_eq!(r.status(), Status::Conflict);
    assert_eq!(t.count("SELECT COUNT(*) FROM users").await, 2);

    // Once bob can manage permissions too, alice may go.
    let r = t
        .submit(
            members,
            &format!("/dashboard/o/friends/members/{bob}/permissions"),
            &[("flag", "modify_permissions"), ("flag", "add_members")],
        )
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    let m = organisations::membership(&t.app().db, org, bob).await.unwrap().unwrap();
    assert!(m.can_modify_permissions && m.can_add_members && !m.can_remove_members);
    let r = t.submit(members, "/dashboard/o/friends/leave", &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(organisations::membership(&t.app().db, org, alice).await.unwrap().is_none());
}

#[rocket::async_test]
async fn a_post_without_a_valid_csrf_token_is_refused_and_changes_nothing() {
    let t = TestApp::start().await;
    let (_, _, bob) = friends(&t).await;
    t.login("alice").await;
    for token in [None, Some("forged")] {
        let mut fields = vec![];
        if let Some(token) = token {
            fields.push(("csrf_token", token));
        }
        let r = t.post_form(&format!("/dashboard/o/friends/members/{bob}/remove"), &fields).await;
        assert_eq!(r.status(), Status::Forbidden);
        assert_eq!(t.count("SELECT COUNT(*) FROM memberships").await, 2);
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Anonymous,
    Outsider,
    MemberWithout,
    MemberWith,
    InstanceAdmin,
}

/// One route of the matrix: what it needs, and what success looks like.
struct Route {
    method: &'static str,
    /// `{bob}` stands for the id of the member acted upon.
    path: &'static str,
    /// None: membership alone is enough.
    flag: Option<Flag>,
    fields: &'static [(&'static str, &'static str)],
    success: Status,
}

const ROUTES: &[Route] = &[
    Route { method: "GET", path: "/dashboard", flag: None, fields: &[], success: Status::Ok },
    Route { method: "GET", path: "/account", flag: None, fields: &[], success: Status::Ok },
    Route { method: "GET", path: "/organisations/new", flag: None, fields: &[], success: Status::Ok },
    Route { method: "GET", path: "/dashboard/o/friends/members", flag: None, fields: &[], success: Status::Ok },
    Route {
        method: "POST",
        path: "/dashboard/o/friends/invite",
        flag: Some(Flag::AddMembers),
        fields: &[("invitee", "newcomer@example.org")],
        success: Status::SeeOther,
    },
    Route {
        method: "POST",
        path: "/dashboard/o/friends/members/{bob}/permissions",
        flag: Some(Flag::ModifyPermissions),
        fields: &[("flag", "view_signatures")],
        success: Status::SeeOther,
    },
    Route {
        method: "POST",
        path: "/dashboard/o/friends/members/{bob}/remove",
        flag: Some(Flag::RemoveMembers),
        fields: &[],
        success: Status::SeeOther,
    },
    Route { method: "GET", path: "/admin/mail", flag: None, fields: &[], success: Status::Ok },
];

/// What `role` should get on `route`.
fn expected(route: &Route, role: Role) -> Status {
    let organisation_route = route.path.starts_with("/dashboard/o/");
    let admin_route = route.path.starts_with("/admin/");
    match role {
        Role::Anonymous => Status::SeeOther,
        Role::InstanceAdmin => route.success,
        _ if admin_route => Status::Forbidden,
        Role::Outsider if organisation_route => Status::NotFound,
        Role::MemberWithout if route.flag.is_some() => Status::Forbidden,
        _ => route.success,
    }
}

#[rocket::async_test]
async fn every_route_answers_each_role_as_it_should() {
    let mut failures = Vec::new();
    for route in ROUTES {
        for role in [Role::Anonymous, Role::Outsider, Role::MemberWithout, Role::MemberWith, Role::InstanceAdmin] {
            let t = TestApp::start().await;
            let (org, _, bob) = friends(&t).await;
            t.user("carl", false).await; // the one acting, in every role but anonymous
            t.user("eve", false).await;
            t.organisation("others", "Others", UserId(4)).await;
            let carl = UserId(3);
            match role {
                Role::Anonymous => {}
                Role::Outsider => {
                    t.organisation("carls", "Carl's", carl).await;
                    t.login("carl").await;
                }
                Role::MemberWithout | Role::MemberWith => {
                    organisations::add_member(&t.app().db, &rustition::domain::permissions::operator(org), carl)
                        .await
                        .unwrap();
                    let flags: Vec<Flag> = route.flag.filter(|_| role == Role::MemberWith).into_iter().collect();
                    organisations::set_permissions(
                        &t.app().db,
                        &rustition::domain::permissions::operator(org),
                        carl,
                        &flags,
                    )
                    .await
                    .unwrap();
                    t.login("carl").await;
                }
                Role::InstanceAdmin => {
                    use sea_orm::{ConnectionTrait, Statement};
                    let db = &t.app().db;
                    db.execute_raw(Statement::from_string(
                        db.get_database_backend(),
                        "UPDATE users SET is_admin = true WHERE id = 3",
                    ))
                    .await
                    .unwrap();
                    t.login("carl").await;
                }
            }
            let path = route.path.replace("{bob}", &bob.to_string());
            let status = if route.method == "GET" {
                t.get(&path).await.0
            } else {
                // The form's token comes from a page any visitor can open.
                let (_, home) = t.get("/login").await;
                let token = common::csrf_token(&home);
                let mut fields = vec![("csrf_token", token.as_str())];
                fields.extend_from_slice(route.fields);
                t.post_form(&path, &fields).await.status()
            };
            let want = expected(route, role);
            if status != want {
                failures.push(format!("{} {} as {role:?}: got {status}, expected {want}", route.method, route.path));
            }
        }
    }
    assert!(failures.is_empty(), "authorisation matrix:\n{}", failures.join("\n"));
}

#[rocket::async_test]
async fn organisation_names_cannot_take_route_words_and_creation_can_be_kept_to_admins() {
    let t = TestApp::start().await;
    t.user("alice", false).await;
    t.login("alice").await;
    let r = t.new_organisation(&[("name", "Dash"), ("slug", "dashboard")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("This name is reserved") && html.contains("value=\"Dash\""));
    let r = t.new_organisation(&[("name", "Ok"), ("slug", "fine"), ("website", "javascript:alert(1)")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity, "only http(s) websites");

    let strict = TestApp::start_with(|s| s.accounts.organisation_creation = rustition::config::Who::Admins).await;
    strict.user("maria", false).await;
    strict.user("root", true).await;
    strict.login("maria").await;
    assert_eq!(strict.get("/organisations/new").await.0, Status::Forbidden);
    strict.submit("/", "/logout", &[]).await;
    strict.login("root").await;
    assert_eq!(strict.get("/organisations/new").await.0, Status::Ok);
}

#[rocket::async_test]
async fn a_declined_invitation_is_gone_and_a_deleted_account_takes_its_petitions() {
    let t = TestApp::start().await;
    friends(&t).await;
    let dora = t.user("dora", false).await;
    t.login("alice").await;
    t.invite("friends", "dora").await;
    let mail = t.smtp.wait_for(1, Duration::from_secs(10)).await.remove(0);
    let invitation =
        mail.link_containing("/invitations/").unwrap().trim_start_matches("http://petitions.test").to_string();
    t.submit("/", "/logout", &[]).await;
    t.login("dora").await;
    let r = t.submit(&invitation, &format!("{invitation}/decline"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM invitations").await, 0);
    assert_eq!(t.count("SELECT COUNT(*) FROM memberships WHERE user_id = 4").await, 0);

    use rustition::domain::petition::petitions::{self, Content, NewPetition, OwnerId, Status as PetitionStatus};
    petitions::create(
        &t.app().db,
        &rustition::domain::permissions::operator(OwnerId::User(dora)),
        NewPetition {
            content: Content { title: "Dora's own".into(), goal: 10, ..Default::default() },
            slug: Some("own".into()),
            status: PetitionStatus::Published,
            locale: "en".into(),
            wizard_step: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(t.get("/u/dora/own").await.0, Status::Ok);
    let r = t.submit("/account/delete", "/account/delete", &[("password", "dora-password")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions").await, 0);
    assert_eq!(t.get("/u/dora/own").await.0, Status::NotFound);
}
