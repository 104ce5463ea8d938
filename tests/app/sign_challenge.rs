//! An instance whose sign forms are flooded by bots turns on the challenge: signers answer a
//! question before their signature is taken and mailed.
use crate::common;

use std::time::Duration;

use common::TestApp;
use rocket::http::Status;
use rustition::config::Challenge;
use rustition::domain::challenge;
use rustition::domain::ids::PetitionId;

/// The sign form's fields as a person fills them, challenge included.
async fn fill(
    t: &TestApp,
    (id, lang): (PetitionId, &str),
    email: &str,
    answer: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    let (status, html) = t.get_lang(&format!("/p/{id}"), lang).await;
    assert_eq!(status, Status::Ok);
    vec![
        ("csrf_token".into(), common::csrf_token(&html)),
        ("challenge_token".into(), common::hidden_field(&html, "challenge_token")),
        ("challenge".into(), answer(&html)),
        ("first_name".into(), "Jane".into()),
        ("last_name".into(), "Doe".into()),
        ("email".into(), email.into()),
    ]
}

async fn post(t: &TestApp, id: PetitionId, fields: &[(String, String)]) -> (Status, String) {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = t.post_form(&format!("/p/{id}/sign"), &fields).await;
    (r.status(), r.into_string().await.unwrap_or_default())
}

fn set(fields: &mut [(String, String)], name: &str, value: &str) {
    let field = fields.iter_mut().find(|(k, _)| k == name).expect("a field of the form");
    field.1 = value.to_string();
}

#[rocket::async_test]
async fn a_signer_answers_the_question_in_their_language_and_a_wrong_answer_keeps_what_they_typed() {
    let t = TestApp::start_with(|s| s.signing.challenge = Challenge::Question).await;
    let id = t.petition().await;

    // Each visitor gets a question of their own: the page is not copied from the cache.
    let (_, first) = t.get(&format!("/p/{id}")).await;
    let (_, second) = t.get(&format!("/p/{id}")).await;
    assert!(first.contains("<label for=\"challenge\">"), "the question is asked");
    assert_ne!(common::hidden_field(&first, "challenge_token"), common::hidden_field(&second, "challenge_token"));

    // A wrong answer, with the email left empty: both mistakes at once, the name kept.
    let fields = fill(&t, (id, "en"), "", |_| "99".into()).await;
    let (status, html) = post(&t, id, &fields).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("This is not the right answer. Here is a new question."), "{html}");
    assert!(html.contains("Check that you are a person") && html.contains("href=\"#challenge\""), "in the summary");
    assert!(html.contains("aria-describedby=\"challenge-error\"") && html.contains("aria-describedby=\"email-error\""));
    assert!(html.contains("value=\"Jane\"") && html.contains("value=\"Doe\""), "what was typed is kept");
    assert_ne!(common::hidden_field(&html, "challenge_token"), fields[1].1, "a new question");
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 0);

    // Answered right on the page that came back, in French this time.
    let (_, fr) = t.get_lang(&format!("/p/{id}"), "fr").await;
    assert!(fr.contains("<label for=\"challenge\">") && fr.contains("<html lang=\"fr\">"), "the question in French");
    let answer = |html: &str| t.answer_challenge(html, challenge::Scope::Signing(id.0));
    let mut fields = fill(&t, (id, "fr"), "jane@example.org", answer).await;
    let (status, _) = post(&t, id, &fields).await;
    assert_eq!(status, Status::SeeOther, "signed");
    let mail = t.smtp.wait_for(1, Duration::from_secs(10)).await.remove(0);
    assert_eq!(mail.to, vec!["jane@example.org"]);

    // A solved question does not sign twice: a bot replaying it with another address is refused.
    set(&mut fields, "email", "bot@example.org");
    let (status, html) = post(&t, id, &fields).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("value=\"bot@example.org\"") && html.contains("challenge-error"));
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1);
    assert_eq!(t.count("SELECT COUNT(*) FROM mail_queue").await, 1, "nobody else was mailed");

    // Nor does a token whose expiry was moved, however right the answer.
    let mut fields = fill(&t, (id, "en"), "late@example.org", answer).await;
    let token = fields[1].1.clone();
    let mut parts: Vec<&str> = token.split('.').collect();
    let later = (parts[2].parse::<i64>().expect("an expiry") + 3600).to_string();
    parts[2] = &later;
    set(&mut fields, "challenge_token", &parts.join("."));
    assert_eq!(post(&t, id, &fields).await.0, Status::UnprocessableEntity);

    // The records of used tokens go once the tokens have expired anyway.
    let in_an_hour = chrono::Utc::now() + chrono::Duration::hours(1);
    assert_eq!(challenge::forget_used(&t.app().db, chrono::Utc::now()).await.ok(), Some(0), "not yet");
    assert_eq!(challenge::forget_used(&t.app().db, in_an_hour).await.ok(), Some(2), "the two answered");

    // Nor does a question posed for another petition.
    let other = t.petition_with("other", rustition::domain::petition::petitions::FieldRule::Optional).await;
    let answer = |html: &str| t.answer_challenge(html, challenge::Scope::Signing(other.0));
    let mut fields = fill(&t, (other, "en"), "jane@example.org", answer).await;
    set(&mut fields, "email", "elsewhere@example.org");
    assert_eq!(post(&t, id, &fields).await.0, Status::UnprocessableEntity);
}

#[test]
fn an_instance_cannot_ask_signers_for_a_picture_which_some_could_not_see() {
    let mut settings = rustition::config::Settings::default();
    settings.signing.challenge = Challenge::Image;
    let refused = settings.validate().expect_err("a picture on sign forms is refused").to_string();
    assert!(refused.contains("[signing] challenge") && refused.contains("\"question\""), "{refused}");
    settings.signing.challenge = Challenge::Question;
    assert!(settings.validate().is_ok(), "a question is fine");
}

#[rocket::async_test]
async fn without_a_challenge_the_sign_form_asks_nothing_more() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let (_, html) = t.get(&format!("/p/{id}")).await;
    assert!(!html.contains("challenge"), "no challenge field by default");
    let fields = [("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane@example.org")];
    let r = t.submit(&format!("/p/{id}"), &format!("/p/{id}/sign"), &fields).await;
    assert_eq!(r.status(), Status::SeeOther);
}
