//! The organiser's dashboard: the creation wizard, the edit sections, permalinks, templates and
//! the petition list, driven through the forms as a browser without JavaScript would.
use crate::common;

use common::{TestApp, location};
use rocket::http::Status;

/// Submits the wizard step at `path` with `fields`, expecting to be sent to `next`.
async fn step(t: &TestApp, path: &str, fields: &[(&str, &str)], next: &str) {
    let r = t.submit(path, path, fields).await;
    assert_eq!(r.status(), Status::SeeOther, "{path} with {fields:?}");
    assert!(location(&r).ends_with(next), "{path} sent to {} instead of …{next}", location(&r));
}

const FIELDS_DEFAULT: [(&str, &str); 12] = [
    ("field_first_name", "required"),
    ("field_last_name", "required"),
    ("field_phone", "off"),
    ("field_postal_code", "optional"),
    ("field_country", "off"),
    ("field_organisation", "off"),
    ("field_custom1", "required"),
    ("custom1_label", "Neighbourhood"),
    ("field_custom2", "off"),
    ("custom2_label", ""),
    ("field_custom3", "off"),
    ("custom3_label", ""),
];

#[rocket::async_test]
async fn an_organiser_creates_a_petition_from_blank_going_back_to_fix_the_title() {
    let t = TestApp::start().await;
    t.user("alice", false).await;
    t.login("alice").await;

    let (status, html) = t.get("/dashboard/new").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Step 1 of 8") && html.contains("aria-current=\"step\""));
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "me")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let start = location(&r);
    assert!(start.ends_with("/wizard/start"), "{start}");
    let base = start.trim_end_matches("/wizard/start").to_string();
    assert_eq!(t.count("SELECT COUNT(*) FROM petitions WHERE status = 'draft'").await, 1, "a draft from step one");

    step(&t, &start, &[("template", "blank")], "/wizard/content").await;
    let content = format!("{base}/wizard/content");
    // An empty title comes back with the error next to the field and the text kept.
    let r = t.submit(&content, &content, &[("title", ""), ("text", "Plant **trees**."), ("go", "next")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("id=\"title-error\"") && html.contains("This field is required."));
    assert!(html.contains("Plant **trees**."), "the text is kept");
    step(
        &t,
        &content,
        &[("title", "Tres for the square"), ("text", "Plant **trees**."), ("go", "next")],
        "/wizard/preview",
    )
    .await;

    let (_, html) = t.get(&format!("{base}/wizard/preview")).await;
    assert!(html.contains("<strong>trees</strong>"), "the preview renders the Markdown");
    // Back from the preview to fix the typo in the title; the text is still there.
    step(&t, &format!("{base}/wizard/preview"), &[("go", "back")], "/wizard/content").await;
    let (_, html) = t.get(&content).await;
    assert!(html.contains("value=\"Tres for the square\"") && html.contains("Plant **trees**."));
    step(
        &t,
        &content,
        &[("title", "Trees for the square"), ("text", "Plant **trees**."), ("go", "next")],
        "/wizard/preview",
    )
    .await;
    step(&t, &format!("{base}/wizard/preview"), &[("go", "next")], "/wizard/fields").await;

    let fields_path = format!("{base}/wizard/fields");
    let mut fields: Vec<(&str, &str)> = FIELDS_DEFAULT.to_vec();
    fields.push(("goal", "lots"));
    let r = t.submit(&fields_path, &fields_path, &fields).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("Write a whole number") && html.contains("value=\"Neighbourhood\""));
    fields.pop();
    fields.push(("goal", "500"));
    step(&t, &fields_path, &fields, "/wizard/look").await;

    let look = format!("{base}/wizard/look");
    let r =
        t.submit(&look, &look, &[("theme", "classic"), ("accent_color", "#ffff00"), ("background_color", "")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap().contains("does not stand out enough"));
    step(&t, &look, &[("theme", "classic"), ("accent_color", "#1d4ed8"), ("background_color", "")], "/wizard/image")
        .await;
    // The image is optional: "next" goes on without one.
    step(&t, &format!("{base}/wizard/image"), &[("go", "next")], "/wizard/review").await;

    let review = format!("{base}/wizard/review");
    let (_, html) = t.get(&review).await;
    assert!(html.contains("Trees for the square") && html.contains("Neighbourhood (Required)"));
    let r = t.submit(&review, &review, &[("go", "publish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), base);

    // Published under a permalink made from the title, with the signer fields asked.
    let (status, html) = t.get("/u/alice/trees-for-the-square").await;
    assert_eq!(status, Status::Ok);
    assert!(
        html.contains("Neighbourhood") && html.contains("name=\"custom1\"") && html.contains("name=\"postal_code\"")
    );
    assert!(!html.contains("name=\"phone\""));
    let (_, html) = t.get("/dashboard").await;
    assert!(html.contains("Trees for the square") && html.contains("Published"));
}
