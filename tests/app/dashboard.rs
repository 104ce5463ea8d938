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

/// The numeric cells (confirmed, pending) of the dashboard row titled `title`.
fn row_counts(html: &str, title: &str) -> (String, String) {
    let row = html
        .split("<th scope=\"row\">")
        .skip(1)
        .find(|row| row.contains(&format!(">{title}</a>")))
        .unwrap_or_else(|| panic!("no row for {title}"));
    let row = row.split("</tr>").next().unwrap_or(row);
    let cells: Vec<String> =
        row.split("class=\"num\">").skip(1).map(|cell| cell.split('<').next().unwrap_or("").to_string()).collect();
    assert!(cells.len() >= 2, "{title}'s row has its two counts: {row}");
    (cells[0].clone(), cells[1].clone())
}

#[rocket::async_test]
async fn the_petition_list_shows_each_petitions_own_confirmed_and_pending_counts() {
    use rustition::domain::petition::petitions::{Content, OwnerId};
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    // Confirmed, pending (never confirmed) and invalidated (confirmed, then set aside) per petition.
    let plan = [
        ("Oaks", "oaks", 3, 1, 0),
        ("Bikes", "bikes", 0, 2, 0),
        ("Ponds", "ponds", 5, 0, 2),
        ("Quiet", "quiet", 0, 0, 0),
    ];
    let db = &t.app().db;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    for (title, slug, confirmed, pending, invalidated) in plan {
        let content = Content { title: title.into(), text: "Text.".into(), goal: 10, ..Default::default() };
        let id = t.petition_of(OwnerId::User(alice), slug, content).await;
        let mut values = Vec::new();
        for i in 0..confirmed + pending + invalidated {
            let confirmed_at = if i < pending { "NULL".to_string() } else { format!("'{now}'") };
            let invalidated_at = if i >= pending + confirmed { format!("'{now}'") } else { "NULL".to_string() };
            let email = format!("{slug}{i}@example.org");
            values.push(format!("({id}, '{email}', '{email}', 'en', '{now}', {confirmed_at}, {invalidated_at})"));
        }
        if !values.is_empty() {
            let sql = format!(
                "INSERT INTO signatures (petition_id, email, email_canonical, locale, created_at, confirmed_at, \
                 invalidated_at) VALUES {}",
                values.join(", ")
            );
            sea_orm::ConnectionTrait::execute_unprepared(db, &sql).await.expect("insert signatures");
        }
    }
    t.login("alice").await;
    let (status, html) = t.get("/dashboard").await;
    assert_eq!(status, Status::Ok);
    // Each row shows its own petition's counts: invalidated signatures count as neither.
    assert_eq!(row_counts(&html, "Oaks"), ("3".into(), "1".into()));
    assert_eq!(row_counts(&html, "Bikes"), ("0".into(), "2".into()));
    assert_eq!(row_counts(&html, "Ponds"), ("5".into(), "0".into()));
    assert_eq!(row_counts(&html, "Quiet"), ("0".into(), "0".into()));
}
