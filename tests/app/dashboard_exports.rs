//! An organiser takes a petition's signatures away: downloads them as CSV or JSON (a hundred
//! thousand at a time) and reads the daily chart. The dashboard's lists read a fixed number of
//! queries whatever their size.
use crate::common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::dashboard_signatures::{alice_with_petition, insert, insert_many, petition_of, trees};
use chrono::{DateTime, SecondsFormat, Utc};
use common::{TestApp, signature};
use rocket::http::{ContentType, Status};
use rustition::domain::ids::{PetitionId, UserId};
use rustition::domain::petition::content::CustomField;
use rustition::domain::petition::petitions::{Content, FieldRule, OwnerId};
use sea_orm::{EntityTrait, Set};

/// A petition asking a phone number, two own fields (labels with a comma and quotes) and the
/// newsletter, with three signatures whose answers look like spreadsheet formulas.
async fn petition_with_tricky_signatures(t: &TestApp, owner: UserId) -> (PetitionId, [DateTime<Utc>; 3]) {
    let mut content = trees();
    content.fields.phone = FieldRule::Optional;
    content.fields.custom[0] = CustomField { label: "Neighbourhood, street".into(), rule: FieldRule::Required };
    content.fields.custom[1] = CustomField { label: "Say \"why\"".into(), rule: FieldRule::Optional };
    content.mail.newsletter_label = "Keep me posted".into();
    let id = petition_of(t, OwnerId::User(owner), "trees", content).await;
    // Whole seconds, as the export writes them.
    let at = |h: i64| DateTime::from_timestamp((Utc::now() - chrono::Duration::hours(h)).timestamp(), 0).unwrap();
    let times = [at(3), at(2), at(1)];
    let mut jane = signature(id, "=HYPERLINK(\"http://evil.example\",\"click\")", "Doe", "jane@example.org");
    jane.phone = Set(Some("+33 1 23 45 67 89".into()));
    jane.custom1 = Set(Some("North, by the river".into()));
    jane.custom2 = Set(Some("@SUM(A1)".into()));
    jane.newsletter_optin = Set(true);
    jane.created_at = Set(times[0]);
    jane.confirmed_at = Set(Some(times[0]));
    insert(t, jane).await;
    let mut john = signature(id, "-2+3", "Smith, Jr.", "john@example.org");
    john.custom1 = Set(Some("He said \"no\"".into()));
    john.created_at = Set(times[1]);
    john.confirmed_at = Set(None);
    insert(t, john).await;
    let mut plain = signature(id, "Plain", "Person", "plain@example.org");
    plain.custom1 = Set(Some("South".into()));
    plain.created_at = Set(times[2]);
    plain.confirmed_at = Set(Some(times[2]));
    insert(t, plain).await;
    (id, times)
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[rocket::async_test]
async fn an_organiser_downloads_signatures_as_csv_with_formulas_defused_and_as_json() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let (id, times) = petition_with_tricky_signatures(&t, alice).await;
    t.login("alice").await;

    let r = t.client.get(format!("/dashboard/petitions/{id}/export.csv")).dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(ContentType::CSV));
    let disposition = r.headers().get_one("Content-Disposition").unwrap_or_default().to_string();
    assert_eq!(disposition, format!("attachment; filename=\"signatures-{id}-trees-for-the-square.csv\""));
    assert_eq!(r.headers().get_one("Cache-Control"), Some("no-store"));
    let csv_text = r.into_string().await.unwrap();
    let lines: Vec<&str> = csv_text.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(lines.len(), 4, "a header and three rows:\n{csv_text}");
    assert_eq!(
        lines[0],
        "Signed at,Confirmed at,Invalidated at,First name,Last name,Email address,Phone number,\"Neighbourhood, street\",\"Say \"\"why\"\"\",Newsletter"
    );
    // The formula is made text, and quoted because of its quotes and comma.
    assert!(lines[1].contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",Doe,"), "{}", lines[1]);

    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_text.as_bytes());
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("well-formed CSV").iter().map(str::to_string).collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 10), "every row has every column");
    let (s0, s1, s2) = (rfc3339(times[0]), rfc3339(times[1]), rfc3339(times[2]));
    assert_eq!(
        rows[1],
        [
            s0.as_str(),
            s0.as_str(),
            "",
            "'=HYPERLINK(\"http://evil.example\",\"click\")",
            "Doe",
            "jane@example.org",
            "'+33 1 23 45 67 89",
            "North, by the river",
            "'@SUM(A1)",
            "yes"
        ]
    );
    assert_eq!(
        rows[2],
        [s1.as_str(), "", "", "'-2+3", "Smith, Jr.", "john@example.org", "", "He said \"no\"", "", "no"]
    );
    assert_eq!(rows[3], [s2.as_str(), s2.as_str(), "", "Plain", "Person", "plain@example.org", "", "South", "", "no"]);
    for cell in rows.iter().flatten() {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "a cell a spreadsheet would run: {cell:?}");
    }

    let (_, confirmed) = t.get(&format!("/dashboard/petitions/{id}/export.csv?which=confirmed")).await;
    assert_eq!(confirmed.trim_end().lines().count(), 3);
    assert!(!confirmed.contains("john@example.org"));

    let r = t.client.get(format!("/dashboard/petitions/{id}/export.json")).dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(ContentType::JSON));
    assert!(r.headers().get_one("Content-Disposition").unwrap_or_default().ends_with(".json\""));
    let json: Vec<serde_json::Value> = serde_json::from_str(&r.into_string().await.unwrap()).expect("valid JSON");
    assert_eq!(json.len(), 3);
    let keys = [
        "signed_at",
        "confirmed_at",
        "invalidated_at",
        "first_name",
        "last_name",
        "email",
        "phone",
        "custom1",
        "custom2",
        "newsletter",
    ];
    for object in &json {
        let mut found: Vec<&str> = object.as_object().unwrap().keys().map(String::as_str).collect();
        found.sort();
        let mut expected = keys.to_vec();
        expected.sort();
        assert_eq!(found, expected);
    }
    // JSON is data, not a spreadsheet: the values are as signed.
    assert_eq!(json[0]["first_name"], "=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(json[0]["phone"], "+33 1 23 45 67 89");
    assert_eq!(json[0]["signed_at"], s0.as_str());
    assert_eq!(json[0]["newsletter"], "yes");
    assert_eq!(json[1]["confirmed_at"], serde_json::Value::Null);
    assert_eq!(json[1]["custom1"], "He said \"no\"");
    let (_, pending) = t.get(&format!("/dashboard/petitions/{id}/export.json?which=pending")).await;
    let pending: Vec<serde_json::Value> = serde_json::from_str(&pending).expect("valid JSON");
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0]["email"], "john@example.org");
    let empty = petition_of(&t, OwnerId::User(alice), "empty", trees()).await;
    let (_, none) = t.get(&format!("/dashboard/petitions/{empty}/export.json")).await;
    assert_eq!(serde_json::from_str::<Vec<serde_json::Value>>(&none).expect("valid JSON").len(), 0);
}

#[rocket::async_test]
async fn an_organiser_downloads_a_hundred_thousand_signatures_as_a_stream() {
    let t = TestApp::start().await;
    let (_, id) = alice_with_petition(&t).await;
    insert_many(&t, id, "s", 100_000).await;
    assert_eq!(t.count(&format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {id}")).await, 100_000);

    // A page is rendered whole, so Rocket knows its size (and HTTP sends a Content-Length).
    let page = t.client.get(format!("/dashboard/petitions/{id}")).dispatch().await;
    assert!(page.body().preset_size().is_some(), "a rendered page has a known size");

    // The export is a stream: Rocket's body has no size known in advance (a streamed body,
    // sent chunked), so the file is produced batch by batch while it is sent instead of being
    // built in memory first. `preset_size()` is `Some` for any sized body (a String, a Vec, a
    // file), whatever its length, and `None` only for a streamed one; the local client runs
    // the same responders as the server, so this is what the server sends.
    let export = t.client.get(format!("/dashboard/petitions/{id}/export.csv")).dispatch().await;
    assert_eq!(export.status(), Status::Ok);
    assert_eq!(export.body().preset_size(), None, "the export is streamed");
    assert!(export.headers().get_one("Content-Length").is_none());
    let csv_text = export.into_string().await.unwrap();
    let lines: Vec<&str> = csv_text.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(lines.len(), 100_001, "a header and every signature");
    assert!(lines[0].starts_with("Signed at,"));
    assert!(lines[1].contains(",First0,Last0,s0@example.org"), "{}", lines[1]);
    assert!(lines[100_000].contains(",First99999,Last99999,s99999@example.org"), "{}", lines[100_000]);
}

#[rocket::async_test]
async fn an_organiser_reads_signatures_per_day_on_the_page_and_as_an_svg_file() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    // A title that must be escaped for the SVG to stay well-formed.
    let title = "Trees & <benches> for 'all'";
    let id = petition_of(&t, OwnerId::User(alice), "trees", Content { title: title.into(), ..trees() }).await;
    t.login("alice").await;
    let now = Utc::now();
    let today = now.date_naive();
    let days = |n: i64| now - chrono::Duration::days(n);
    for (name, when, confirmed) in [
        ("a", days(4), true),
        ("b", days(4), true),
        ("c", days(4), false),
        ("d", days(2), true),
        ("e", now, true),
        ("f", now, true),
        ("g", now, false),
    ] {
        let mut s = signature(id, name, "Day", &format!("{name}@example.org"));
        s.created_at = Set(when);
        s.confirmed_at = Set(confirmed.then_some(when));
        insert(&t, s).await;
    }

    let r = t.client.get(format!("/dashboard/petitions/{id}/stats.svg")).dispatch().await;
    assert_eq!(r.status(), Status::Ok);
    assert_eq!(r.content_type(), Some(ContentType::SVG));
    let svg = r.into_string().await.unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("the SVG is not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    let heading = root.children().find(|n| n.has_tag_name("title")).expect("the chart has a <title>");
    assert!(root.attribute("aria-labelledby").is_some_and(|a| a.contains(heading.attribute("id").unwrap_or("-"))));
    assert_eq!(heading.text(), Some(format!("Signatures per day: {title}").as_str()));

    // One bar group per day, from the first signature's day to today, days without any included.
    let bars: Vec<_> = root.descendants().filter(|n| n.has_tag_name("g")).collect();
    assert_eq!(bars.len(), 5, "{svg}");
    // (days ago, what its title says, bars drawn: confirmed and pending, none for zero)
    let expected = [
        (4, "2 confirmed, 1 awaiting confirmation", 2),
        (3, "0 confirmed, 0 awaiting confirmation", 0),
        (2, "1 confirmed, 0 awaiting confirmation", 1),
        (1, "0 confirmed, 0 awaiting confirmation", 0),
        (0, "2 confirmed, 1 awaiting confirmation", 2),
    ];
    for (bar, (n, says, rects)) in bars.iter().zip(expected) {
        let date = today - chrono::Days::new(n);
        let label = bar.children().find(|c| c.has_tag_name("title")).and_then(|c| c.text()).unwrap_or_default();
        assert_eq!(label, format!("{}: {says}", date.format("%B %-d, %Y")), "in English's date order");
        assert_eq!(bar.children().filter(|c| c.has_tag_name("rect")).count(), rects, "bars of {date}");
    }
    let height = |n: usize| -> f64 {
        bars[n]
            .children()
            .filter(|c| c.has_tag_name("rect"))
            .filter_map(|r| r.attribute("height")?.parse::<f64>().ok())
            .sum()
    };
    assert!(height(0) > height(2) && (height(0) - height(4)).abs() < 0.2, "bars scale with the counts");

    let (status, html) = t.get(&format!("/dashboard/petitions/{id}/stats")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Signatures today</dt><dd>3</dd>"), "today's count");
    assert!(html.contains("Confirmed</dt><dd>5</dd>") && html.contains("Awaiting confirmation</dt><dd>2</dd>"));
    assert_eq!(html.matches("<g>").count(), 5, "the same chart in the page");
    for n in 0..=4 {
        assert!(
            html.contains(&format!("<th scope=\"row\">{}</th>", (today - chrono::Days::new(n)).format("%B %-d, %Y"))),
            "the table's day {n}"
        );
    }

    // A petition without signatures has no chart yet, and its file is still a valid SVG.
    let empty = petition_of(&t, OwnerId::User(alice), "empty", trees()).await;
    let (_, html) = t.get(&format!("/dashboard/petitions/{empty}/stats")).await;
    assert!(html.contains("No signatures yet."));
    let (status, svg) = t.get(&format!("/dashboard/petitions/{empty}/stats.svg")).await;
    assert_eq!(status, Status::Ok);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    assert_eq!(doc.root_element().descendants().filter(|n| n.has_tag_name("g")).count(), 0);
}

/// Counts the statements a connection runs.
async fn counting_connection(t: &TestApp) -> (sea_orm::DatabaseConnection, Arc<AtomicUsize>) {
    let url = t.app().settings.database_url();
    let mut db = sea_orm::Database::connect(&url).await.expect("a second connection to the test database");
    let queries = Arc::new(AtomicUsize::new(0));
    let counter = queries.clone();
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    (db, queries)
}

/// Queries run by the dashboard's list and a signatures page, and what they returned.
async fn queries_for_lists(
    db: &sea_orm::DatabaseConnection,
    queries: &AtomicUsize,
    alice: UserId,
    petition: PetitionId,
) -> (usize, usize, usize, usize) {
    use rustition::domain::{petition::dashboard, signature::signature_admin};
    let user = rustition::entities::user::Entity::find_by_id(alice.0).one(db).await.unwrap().unwrap();
    queries.store(0, Ordering::SeqCst);
    let listing = dashboard::list(db, &user, &dashboard::Filter { page: 1, ..Default::default() }).await.unwrap();
    let list_queries = queries.swap(0, Ordering::SeqCst);
    assert!(
        listing.rows.iter().any(|r| r.petition.owner.kind == "o")
            && listing.rows.iter().any(|r| r.petition.owner.kind == "u")
    );
    assert!(
        listing
            .rows
            .iter()
            .all(|r| r.counts.confirmed > 0 && r.petition.path.starts_with(&format!("/{}/", r.petition.owner.kind)))
    );
    let page = signature_admin::list(
        db,
        &rustition::domain::permissions::operator(petition),
        signature_admin::Which::All,
        "",
        signature_admin::Cursor::First,
    )
    .await
    .unwrap();
    let page_queries = queries.swap(0, Ordering::SeqCst);
    (list_queries, listing.rows.len(), page_queries, page.rows.len())
}

#[rocket::async_test]
async fn the_dashboard_lists_read_as_many_queries_for_thirty_petitions_as_for_two() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let friends = t.organisation("friends", "Friends", alice).await;
    let petition = |i: usize| {
        let owner = if i % 2 == 0 { OwnerId::User(alice) } else { OwnerId::Organisation(friends) };
        let content = Content { title: format!("Petition {i}"), text: "Text.".into(), ..Default::default() };
        (owner, format!("petition-{i}"), content)
    };
    let (db, queries) = counting_connection(&t).await;

    // Two petitions (one of each owner kind) and a few signatures…
    let mut ids = Vec::new();
    for i in 0..2 {
        let (owner, slug, content) = petition(i);
        ids.push(petition_of(&t, owner, &slug, content).await);
    }
    let first = ids[0];
    insert_many(&t, first, "a", 3).await;
    insert_many(&t, ids[1], "b", 2).await;
    let (small_list, small_rows, small_page, small_signatures) = queries_for_lists(&db, &queries, alice, first).await;
    assert_eq!((small_rows, small_signatures), (2, 3));

    // …then thirty petitions and three hundred signatures: the same number of queries.
    for i in 2..30 {
        let (owner, slug, content) = petition(i);
        let id = petition_of(&t, owner, &slug, content).await;
        insert_many(&t, id, &format!("p{i}-"), 5).await;
    }
    insert_many(&t, first, "c", 155).await;
    assert_eq!(t.count("SELECT COUNT(*) FROM signatures").await, 300);
    let (big_list, big_rows, big_page, big_signatures) = queries_for_lists(&db, &queries, alice, first).await;
    assert_eq!((big_rows, big_signatures), (20, 50), "full pages");
    assert!(small_list > 0 && small_page > 0, "the callback counts the queries");
    assert_eq!(big_list, small_list, "dashboard::list: {small_list} queries for 2 petitions, {big_list} for 30");
    assert_eq!(
        big_page, small_page,
        "signature_admin::list: {small_page} queries for 3 signatures, {big_page} for 158"
    );
}
