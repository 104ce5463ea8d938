//! Abuse that costs the instance nothing, and never silently drops a person: a flood from one
//! client is asked the question instead of being mailed, while a real signer elsewhere gets their
//! mail at once and a person on the flooding address still signs; a stranger's address gets one
//! mail an hour; re-signing never replaces a pending signer's details; the question changes form;
//! moderators see where signatures come from and invalidate them by rule.
use crate::common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::TestApp;
use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::LocalResponse;
use rustition::config::Challenge;
use rustition::domain::challenge::Scope;
use rustition::domain::ids::PetitionId;

const MAIL_WAIT: Duration = Duration::from_secs(10);

/// POSTs a form from the client at `remote` (its address is what the rates are kept by).
async fn post_from<'a>(t: &'a TestApp, remote: &str, path: &str, fields: &[(&str, &str)]) -> LocalResponse<'a> {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", common::encode(k), common::encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let remote: SocketAddr = remote.parse().expect("an address");
    t.client.post(path.to_string()).remote(remote).header(ContentType::Form).body(body).dispatch().await
}

/// The link of the latest mail to `to`, as a path.
fn link_to(t: &TestApp, to: &str) -> Option<String> {
    let mail = t.smtp.received().into_iter().rev().find(|m| m.to.iter().any(|r| r == to))?;
    Some(mail.link_containing("/confirm/")?.trim_start_matches("http://petitions.test").to_string())
}

async fn wait_for_mail_to(t: &TestApp, to: &str, within: Duration) -> String {
    let deadline = Instant::now() + within;
    loop {
        if let Some(link) = link_to(t, to) {
            return link;
        }
        assert!(Instant::now() < deadline, "no mail to {to} within {within:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn signer(email: &str) -> Vec<(&'static str, String)> {
    vec![("first_name", "Jane".into()), ("last_name", "Doe".into()), ("email", email.into())]
}

async fn sign_from(t: &TestApp, remote: &str, id: PetitionId, fields: &[(&str, &str)]) -> (Status, String, String) {
    let (_, page) = t.get(&format!("/p/{id}")).await;
    let token = common::csrf_token(&page);
    let mut all = vec![("csrf_token", token.as_str())];
    all.extend_from_slice(fields);
    let r = post_from(t, remote, &format!("/p/{id}/sign"), &all).await;
    let (status, location) = (r.status(), common::location(&r));
    (status, location, r.into_string().await.unwrap_or_default())
}

#[rocket::async_test]
async fn a_flood_from_one_client_is_asked_the_question_and_delays_no_one_else() {
    let t = TestApp::start_with(|s| {
        s.signing.per_client_per_minute = 5;
        s.signing.per_petition_per_minute = 100_000;
        // Small, so that the throttle matters: a thousand flood mails would take 100 minutes.
        s.mail.max_per_minute = 10;
    })
    .await;
    let flooded = t.petition().await;
    let other = t.petition_with("other", rustition::domain::petition::petitions::FieldRule::Optional).await;
    let (_, page) = t.get(&format!("/p/{flooded}")).await;
    let token = common::csrf_token(&page);

    // A thousand requests from one client, one CSRF token, a new address each time.
    let started = Instant::now();
    let (mut taken, mut asked) = (0, 0);
    for i in 0..1000 {
        let email = format!("stranger{i}@example.net");
        let fields =
            [("csrf_token", token.as_str()), ("first_name", "Bot"), ("last_name", "Net"), ("email", email.as_str())];
        let r = post_from(&t, "198.51.100.7:4000", &format!("/p/{flooded}/sign"), &fields).await;
        match r.status() {
            Status::SeeOther => taken += 1,
            Status::TooManyRequests => {
                asked += 1;
                if asked == 1 {
                    let html = r.into_string().await.unwrap_or_default();
                    assert!(html.contains("Many signatures are coming from your connection"), "{html}");
                    assert!(html.contains("name=\"challenge_token\""), "the question is asked");
                    assert!(html.contains("value=\"stranger5@example.net\""), "what was typed is kept");
                }
            }
            other => panic!("request {i}: {other}"),
        }
    }
    // The burst of five, and one more for each 12 s the flood took (the rate refills).
    let elapsed = started.elapsed();
    let bound = 5 + elapsed.as_secs() as usize / 12 + 1;
    assert!((5..=bound).contains(&taken) && asked == 1000 - taken, "{taken} taken, {asked} asked in {elapsed:?}");
    assert!(elapsed < Duration::from_secs(60), "the flood is answered fast: {elapsed:?}");
    let stored = format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {flooded}");
    assert_eq!(t.count(&stored).await, taken as i64);
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue").await, taken as i64, "the flood's mails are bounded");
    assert!(t.app().limits.tracked_signers() <= 2, "one client, one key");

    // A real signer of another petition, elsewhere, gets their mail within the throttle's interval.
    let before = Instant::now();
    let (status, ..) = sign_from(
        &t,
        "192.0.2.50:5000",
        other,
        &[("first_name", "Real"), ("last_name", "Person"), ("email", "real@example.org")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    wait_for_mail_to(&t, "real@example.org", Duration::from_secs(6)).await;
    assert!(before.elapsed() < Duration::from_secs(6), "{:?}", before.elapsed());

    // A person behind the flooding address (a shared exit) answers the question and signs. (The
    // flood goes on until that moment, so the rate has not refilled.)
    let bot =
        [("csrf_token", token.as_str()), ("first_name", "Bot"), ("last_name", "Net"), ("email", "more@example.net")];
    assert_eq!(
        post_from(&t, "198.51.100.7:4000", &format!("/p/{flooded}/sign"), &bot).await.status(),
        Status::TooManyRequests
    );
    let fields = [("first_name", "Shared"), ("last_name", "Exit"), ("email", "shared@example.org")];
    let (status, _, html) = sign_from(&t, "198.51.100.7:4001", flooded, &fields).await;
    assert_eq!(status, Status::TooManyRequests);
    assert!(html.contains("value=\"Shared\"") && html.contains("value=\"shared@example.org\""), "fields kept");
    let answer = t.answer_challenge(&html, Scope::Signing(flooded.0));
    let (csrf, challenge) = (common::csrf_token(&html), common::hidden_field(&html, "challenge_token"));
    let mut all = vec![("csrf_token", csrf.as_str()), ("challenge_token", challenge.as_str())];
    all.push(("challenge", answer.as_str()));
    all.extend_from_slice(&fields);
    let r = post_from(&t, "198.51.100.7:4002", &format!("/p/{flooded}/sign"), &all).await;
    assert_eq!(r.status(), Status::SeeOther, "signed after answering");
    wait_for_mail_to(&t, "shared@example.org", MAIL_WAIT).await;
}

#[rocket::async_test]
async fn an_address_gets_one_confirmation_mail_an_hour_per_petition_and_is_told_so() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let other = t.petition_with("other", rustition::domain::petition::petitions::FieldRule::Optional).await;
    let fields = signer("jane@example.org");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, location, _) = sign_from(&t, "192.0.2.1:1", id, &fields).await;
    assert_eq!((status, location.as_str()), (Status::SeeOther, format!("/p/{id}/thanks").as_str()));
    for _ in 0..3 {
        let (status, location, _) = sign_from(&t, "192.0.2.1:1", id, &fields).await;
        assert_eq!((status, location.clone()), (Status::SeeOther, format!("/p/{id}/thanks?mailed=earlier")));
        let (_, thanks) = t.get(&location).await;
        assert!(thanks.contains("already sent to this address for this petition less than an hour ago"));
    }
    // Another petition is another hour.
    let (_, location, _) = sign_from(&t, "192.0.2.1:1", other, &fields).await;
    assert_eq!(location, format!("/p/{other}/thanks"));
    t.smtp.wait_for(2, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(t.smtp.received().len(), 2, "one mail per petition");
}

#[rocket::async_test]
async fn re_signing_a_pending_address_waits_for_its_own_link_and_each_link_confirms_its_own_details() {
    // No wait between mails here, so that the second signing is mailed at once.
    let t = TestApp::start_with(|s| s.signing.resend_after_minutes = 0).await;
    let id = t.petition().await;
    let first = [("first_name", "Jane"), ("last_name", "Original"), ("email", "jane@example.org")];
    assert_eq!(sign_from(&t, "192.0.2.1:1", id, &first).await.0, Status::SeeOther);
    let original = wait_for_mail_to(&t, "jane@example.org", MAIL_WAIT).await;
    // Someone who knows Jane's address signs with it, under another name.
    let second = [("first_name", "Mallory"), ("last_name", "Impostor"), ("email", "jane@example.org")];
    assert_eq!(sign_from(&t, "203.0.113.5:1", id, &second).await.0, Status::SeeOther);
    t.smtp.wait_for(2, MAIL_WAIT).await;
    let changed = link_to(&t, "jane@example.org").expect("a second link");
    assert_ne!(original, changed);

    // Each landing page shows what its button confirms.
    let (status, page) = t.get(&original).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("You are confirming") && page.contains("Jane Original"), "{page}");
    assert!(!page.contains("Mallory"), "the first link still shows the first details");
    let (_, page) = t.get(&changed).await;
    assert!(page.contains("Mallory Impostor") && !page.contains("Original"), "{page}");

    // The original link confirms the original details.
    assert_eq!(t.submit(&original, &original, &[]).await.status(), Status::SeeOther);
    t.wait_for_count(id, "1 signature").await;
    let jane = "SELECT COUNT(*) FROM signatures WHERE first_name = 'Jane' AND confirmed_at IS NOT NULL";
    assert_eq!(t.count(jane).await, 1);
    // The new link, pressed by whoever reads Jane's mail, applies the new ones.
    assert_eq!(t.submit(&changed, &changed, &[]).await.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE first_name = 'Mallory'").await, 1);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1, "still one signature");
    assert_eq!(t.get(&changed).await.0, Status::NotFound, "a change link works once");
}

/// The kind of an English question, as a person reading it would tell.
fn kind_of(label: &str) -> &'static str {
    label_shape(label).0
}

/// The kind and the wording of an English question.
fn label_shape(label: &str) -> (&'static str, &'static str) {
    let shapes = [
        ("sum", " plus "),
        ("sum", "Add "),
        ("difference", " minus "),
        ("difference", " away from "),
        ("largest", "largest"),
        ("largest", "biggest"),
        ("letters", "How many letters"),
        ("letters", "Count the letters"),
        ("nth word", " word of "),
        ("nth word", "which word comes"),
        ("digits", "Type these digits"),
        ("digits", "in figures"),
    ];
    *shapes.iter().find(|(_, marker)| label.contains(marker)).unwrap_or_else(|| panic!("an unknown question: {label}"))
}

/// A number from 0 to 20 in English words, as a person might type it.
fn in_words(n: u32) -> &'static str {
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ][n as usize]
}

#[rocket::async_test]
async fn the_question_changes_form_and_accepts_answers_as_people_type_them() {
    let t = TestApp::start_with(|s| s.signing.challenge = Challenge::Question).await;
    let id = t.petition().await;
    let mut seen = std::collections::BTreeSet::new();
    let mut signed = 0;
    for i in 0..80 {
        let (_, html) = t.get(&format!("/p/{id}")).await;
        let label = html.split("<label for=\"challenge\">").nth(1).and_then(|l| l.split(" <span").next()).unwrap();
        let kind = kind_of(label);
        seen.insert(label_shape(label));
        let right = t.answer_challenge(&html, Scope::Signing(id.0));
        // Answered as a person would type it: in words, spaced, in capitals, in quotes.
        let typed = match right.parse::<u32>() {
            Ok(n) if kind != "digits" && n <= 20 => format!(" {} ", in_words(n).to_uppercase()),
            Ok(_) => right.chars().map(String::from).collect::<Vec<_>>().join(" "),
            Err(_) => format!("“{}”", right.to_uppercase()),
        };
        let email = format!("person{i}@example.org");
        let fields = [
            ("csrf_token", common::csrf_token(&html)),
            ("challenge_token", common::hidden_field(&html, "challenge_token")),
            ("challenge", typed.clone()),
            ("first_name", "Jane".to_string()),
            ("last_name", "Doe".to_string()),
            ("email", email),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = post_from(&t, "192.0.2.9:1", &format!("/p/{id}/sign"), &fields).await;
        assert_eq!(r.status(), Status::SeeOther, "{label}: {typed:?} ({right})");
        signed += 1;
        if seen.len() >= 10 && signed >= 12 {
            break;
        }
    }
    let kinds: std::collections::BTreeSet<&str> = seen.iter().map(|(kind, _)| *kind).collect();
    assert!(kinds.len() >= 5 && seen.len() >= 8, "several kinds and wordings: {seen:?}");

    // A wrong answer is refused beside the field, with what was typed kept.
    let (_, html) = t.get(&format!("/p/{id}")).await;
    let fields = [
        ("csrf_token", common::csrf_token(&html)),
        ("challenge_token", common::hidden_field(&html, "challenge_token")),
        ("challenge", "not the answer".to_string()),
        ("first_name", "Kept".to_string()),
        ("last_name", "Doe".to_string()),
        ("email", "wrong@example.org".to_string()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = post_from(&t, "192.0.2.9:1", &format!("/p/{id}/sign"), &fields).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("This is not the right answer") && html.contains("aria-describedby=\"challenge-error\""));
    assert!(html.contains("value=\"Kept\"") && html.contains("value=\"wrong@example.org\""));
}

#[rocket::async_test]
async fn a_moderator_sees_the_traffic_invalidates_by_rule_after_a_dry_run_and_the_organiser_sees_it() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let org = t.organisation("friends", "Friends", alice).await;
    let content = rustition::domain::petition::content::Content {
        title: "Trees for the square".into(),
        text: "Plant them.".into(),
        goal: 100,
        ..Default::default()
    };
    let id = t.petition_of(rustition::domain::petition::petitions::OwnerId::Organisation(org), "trees", content).await;
    t.moderator("mona").await;
    t.user("root", true).await;

    // Two real signers, and a flood of six from one client at one domain.
    for (remote, email) in [("192.0.2.1:1", "ann@example.org"), ("192.0.2.2:1", "bob@example.org")] {
        assert_eq!(
            sign_from(&t, remote, id, &[("first_name", "Real"), ("last_name", "Person"), ("email", email)]).await.0,
            Status::SeeOther
        );
    }
    for i in 0..6 {
        let email = format!("bot{i}@flood.test");
        let fields = [("first_name", "Bot"), ("last_name", "Net"), ("email", email.as_str())];
        assert_eq!(sign_from(&t, "203.0.113.66:1", id, &fields).await.0, Status::SeeOther);
    }
    t.smtp.wait_for(8, MAIL_WAIT).await;
    for to in ["ann@example.org", "bob@example.org", "bot0@flood.test", "bot1@flood.test"] {
        let link = link_to(&t, to).unwrap();
        assert_eq!(t.submit(&link, &link, &[]).await.status(), Status::SeeOther);
    }
    t.wait_for_count(id, "4 signatures").await;

    t.login("mona").await;
    let traffic = format!("/admin/petitions/{id}/traffic");
    let (status, html) = t.get(&traffic).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("flood.test (6)") && html.contains("example.org (2)"), "{html}");
    assert!(!html.contains("203.0.113.66"), "never the address itself");
    let key = html.split("<code>").nth(1).and_then(|c| c.split("</code>").next()).unwrap().to_string();
    assert_eq!(key.len(), 16, "the flooding client's key comes first");

    // The dry run says how many would go and changes nothing.
    let rule =
        [("rule_domain", "flood.test"), ("rule_client", key.as_str()), ("rule_reason", "One client, one domain")];
    let action = format!("{traffic}/invalidate");
    let r = t.submit(&traffic, &action, &rule).await;
    assert_eq!(r.status(), Status::Ok);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("This rule would invalidate 6 signatures"), "{html}");
    assert!(html.contains("Invalidate these 6 signatures"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures WHERE invalidated_at IS NOT NULL").await, 0);

    // A rule without criterion is refused beside the field.
    let r = t.submit(&traffic, &action, &[("rule_reason", "everything")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap().contains("Give at least a domain"));

    let mut confirmed = rule.to_vec();
    confirmed.push(("confirm", "true"));
    let r = t.submit(&traffic, &action, &confirmed).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, html) = t.get(&traffic).await;
    assert!(html.contains("The signatures are invalidated"));
    assert!(
        html.contains("\"Signatures\">8</td>\n    <td data-label=\"Invalidated\">6</td>"),
        "8 signatures that hour, 6 invalidated: {html}"
    );
    // Out of the count (the two confirmed bots leave it) and kept.
    t.wait_for_count(id, "2 signatures").await;
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 8, "kept");

    // The audit log has who, the rule and the number.
    t.login("root").await;
    let (_, audit) = t.get("/admin/audit").await;
    assert!(audit.contains("mona") && audit.contains("domain=flood.test") && audit.contains("— 6"), "{audit}");

    // The organiser sees them as invalidated.
    t.login("alice").await;
    let (_, list) = t.get(&format!("/dashboard/petitions/{id}/signatures?which=all")).await;
    assert_eq!(list.matches(">Invalidated</td>").count(), 6, "{list}");
    assert!(list.contains("Invalidated by moderators: 6"));
    // The list's totals come from the kept counts, the invalidated ones included in their
    // filter: two bots had confirmed, four had not.
    assert!(list.contains("8 signatures"), "{list}");
    for (which, total) in [("confirmed", "4 signatures"), ("pending", "4 signatures")] {
        let (_, list) = t.get(&format!("/dashboard/petitions/{id}/signatures?which={which}")).await;
        assert!(list.contains(total), "{which}: {list}");
    }
}
