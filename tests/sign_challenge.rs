//! An instance whose sign forms are flooded by bots turns on the challenge: signers answer a
//! question (or type the letters of a picture) before their signature is taken and mailed.
mod common;

use std::time::Duration;

use common::TestApp;
use rocket::http::{ContentType, Status};
use rustition::config::Challenge;
use rustition::domain::challenge::{self, Scope};
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
    assert!(first.contains("To show you are a person: what is"), "the question is asked");
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
    assert!(fr.contains("Pour montrer que vous êtes une personne : combien font"), "the question in French");
    let mut fields = fill(&t, (id, "fr"), "jane@example.org", common::answer_question).await;
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

    // Nor does a question posed for another petition.
    let other = t.petition_with("other", rustition::domain::petitions::FieldRule::Optional).await;
    let mut fields = fill(&t, (other, "en"), "jane@example.org", common::answer_question).await;
    set(&mut fields, "email", "elsewhere@example.org");
    assert_eq!(post(&t, id, &fields).await.0, Status::UnprocessableEntity);
}

#[rocket::async_test]
async fn a_signer_types_the_letters_of_the_picture() {
    let t = TestApp::start_with(|s| s.signing.challenge = Challenge::Image).await;
    let id = t.petition().await;
    let (_, html) = t.get(&format!("/p/{id}")).await;
    let token = common::hidden_field(&html, "challenge_token");
    assert!(html.contains(&format!("src=\"/challenge/{token}\"")), "the picture is served by the instance");
    assert!(html.contains("If you cannot read them, write to the organisers of this petition."), "its alt text");
    let picture = t.client.get(format!("/challenge/{token}")).dispatch().await;
    assert_eq!(picture.status(), Status::Ok);
    assert_eq!(picture.content_type(), Some(ContentType::PNG));
    assert!(picture.into_bytes().await.unwrap_or_default().starts_with(b"\x89PNG"));

    // The test cannot read the picture: it asks the server's own function for the letters.
    let key = t.app().challenge_key.clone();
    let fields = fill(&t, (id, "en"), "jane@example.org", |html| {
        let token = common::hidden_field(html, "challenge_token");
        challenge::expected(&key, Scope::Signing(id.0), &token, chrono::Utc::now()).expect("letters").to_uppercase()
    })
    .await;
    assert_eq!(post(&t, id, &fields).await.0, Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 1);
    let used = &fields[1].1;
    assert_eq!(t.client.get(format!("/challenge/{used}")).dispatch().await.status(), Status::NotFound, "used up");
    // The record of a used token goes once the token has expired anyway.
    let in_an_hour = chrono::Utc::now() + chrono::Duration::hours(1);
    assert_eq!(challenge::forget_used(&t.app().db, chrono::Utc::now()).await.ok(), Some(0), "not yet");
    assert_eq!(challenge::forget_used(&t.app().db, in_an_hour).await.ok(), Some(1));
    let forged = format!("{}x", &token[..token.len() - 1]);
    assert_eq!(t.client.get(format!("/challenge/{forged}")).dispatch().await.status(), Status::NotFound);
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
