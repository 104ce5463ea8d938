//! Every word correct in every language: counts take their language's plural, numbers are
//! grouped its way, dates use its month names and order, and French punctuation keeps its
//! non-breaking space — in the messages, not glued on by code.
use crate::common;

use common::TestApp;
use rocket::http::Status;
use rustition::domain::petition::content::Content;
use rustition::domain::petition::petitions::OwnerId;

const NNBSP: char = '\u{202f}';
const NBSP: char = '\u{a0}';

/// The count line of a petition page, in each language, at 0, 1, 2 and 1,000 signatures.
#[rocket::async_test]
async fn counts_take_each_language_s_plural_and_grouping() {
    let t = TestApp::start().await;
    let i18n = &t.app().i18n;
    let count = |lang: &str, n: i64| i18n.tr_args(lang, "signature-count", [("count", n.into())]);
    let progress = |lang: &str, n: i64, goal: i64| {
        i18n.tr_args(lang, "progress-text", [("count", n.into()), ("goal", goal.into())])
    };
    let expected = [
        ("en", [(0, "0 signatures"), (1, "1 signature"), (2, "2 signatures"), (1000, "1,000 signatures")]),
        // French: 0 and 1 are singular; a narrow no-break space groups thousands.
        ("fr", [(0, "0 signature"), (1, "1 signature"), (2, "2 signatures"), (1000, "1\u{202f}000 signatures")]),
        // German: only 1 is singular; a point groups thousands.
        (
            "de",
            [(0, "0 Unterschriften"), (1, "1 Unterschrift"), (2, "2 Unterschriften"), (1000, "1.000 Unterschriften")],
        ),
    ];
    for (lang, cases) in expected {
        for (n, text) in cases {
            assert_eq!(count(lang, n), text, "{lang}, {n}");
        }
    }
    assert_eq!(progress("en", 1, 1000), "1 of 1,000 signatures");
    assert_eq!(progress("fr", 1, 1000), format!("1 signature sur 1{NNBSP}000"));
    assert_eq!(progress("fr", 2500, 10000), format!("2{NNBSP}500 signatures sur 10{NNBSP}000"));
    assert_eq!(progress("de", 2500, 1), "2.500 von 1 Unterschrift");
    assert_eq!(progress("de", 1, 10000), "1 von 10.000 Unterschriften");
    assert!(t.app().i18n.take_faults().is_empty());
}

/// What a visitor reads on a petition with a goal of 12,500: grouped the way their language
/// groups, with the French colon's non-breaking space.
#[rocket::async_test]
async fn the_petition_page_writes_its_goal_the_reader_s_way() {
    let t = TestApp::start().await;
    let owner = t.user("ada", false).await;
    let content = Content { title: "Trees".into(), text: "More trees.".into(), goal: 12_500, ..Default::default() };
    let id = t.petition_of(OwnerId::User(owner), "trees", content).await;
    let (status, en) = t.get(&format!("/p/{id}?lang=en")).await;
    assert_eq!(status, Status::Ok);
    assert!(en.contains("goal: 12,500"), "{en}");
    let (_, fr) = t.get(&format!("/p/{id}?lang=fr")).await;
    assert!(fr.contains(&format!("objectif{NBSP}: 12{NNBSP}500")), "{fr}");
}

/// A signer's mistakes, listed above the form: the field's name and the error in one message,
/// so French puts its non-breaking space before the colon.
#[rocket::async_test]
async fn the_error_summary_is_one_message_per_field() {
    let t = TestApp::start().await;
    let id = t.petition().await;
    let page = format!("/p/{id}?lang=fr");
    let r = t.submit(&page, &format!("/p/{id}/sign"), &[("first_name", ""), ("last_name", ""), ("email", "")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    let summary = html.split("id=\"error-summary\"").nth(1).expect("an error summary");
    let summary = summary.split("</div>").next().unwrap();
    assert!(summary.contains(&format!("{NBSP}: ")), "{summary}");
    assert!(!summary.contains(" : "), "an ordinary space before a colon: {summary}");
}

/// The signatures list of a dashboard: the time a signature came in, in the reader's words.
#[rocket::async_test]
async fn dates_use_the_reader_s_month_names_and_order() {
    use chrono::Datelike;
    let t = TestApp::start().await;
    let ada = t.user("ada", false).await;
    let content = Content { title: "Dates".into(), text: "When.".into(), goal: 10, ..Default::default() };
    let id = t.petition_of(OwnerId::User(ada), "dates", content).await;
    let before = chrono::Utc::now();
    t.sign(&format!("/p/{id}"), id, &[("first_name", "Bo"), ("last_name", "Li"), ("email", "bo@example.org")]).await;
    let after = chrono::Utc::now();
    t.login("ada").await;
    let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September"];
    let english = english.iter().chain(&["October", "November", "December"]).copied().collect::<Vec<_>>();
    let french = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre"];
    let french = french.iter().chain(&["octobre", "novembre", "décembre"]).copied().collect::<Vec<_>>();
    // The day the signature came in (either side of midnight, should the test run across it).
    let shown = |at: chrono::DateTime<chrono::Utc>, english_order: bool| {
        if english_order {
            format!("{} {}, {}", english[at.month0() as usize], at.day(), at.year())
        } else {
            format!("{} {} {} à", at.day(), french[at.month0() as usize], at.year())
        }
    };
    let (_, en) = t.get(&format!("/dashboard/petitions/{id}/signatures?lang=en")).await;
    assert!([before, after].iter().any(|at| en.contains(&shown(*at, true))), "{en}");
    let (_, fr) = t.get(&format!("/dashboard/petitions/{id}/signatures?lang=fr")).await;
    assert!([before, after].iter().any(|at| fr.contains(&shown(*at, false))), "{fr}");
}

/// The summary of a signer's mistakes lists them in the form's order, the same every time.
#[rocket::async_test]
async fn the_error_summary_follows_the_form() {
    let t = TestApp::start().await;
    let id = t.petition_with("order", rustition::domain::petition::content::FieldRule::Required).await;
    let page = format!("/p/{id}");
    for _ in 0..3 {
        let fields = [("first_name", ""), ("last_name", ""), ("email", "not an address"), ("phone", "")];
        let r = t.submit(&page, &format!("/p/{id}/sign"), &fields).await;
        assert_eq!(r.status(), Status::UnprocessableEntity);
        let html = r.into_string().await.unwrap();
        let (before, form) = html.split_once("<form method=\"post\" action=\"/p/").expect("the form after the summary");
        let summary = before.split("id=\"error-summary\"").nth(1).expect("an error summary");
        let summary = summary.split("</div>").next().unwrap_or_default();
        let listed: Vec<&str> = summary.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()).collect();
        let order: Vec<&str> = form.split(" name=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
        let positions: Vec<usize> = listed
            .iter()
            .map(|f| order.iter().position(|o| o == f).unwrap_or_else(|| panic!("{f} not in {order:?}")))
            .collect();
        assert!(listed.len() >= 3, "{listed:?} in {summary}");
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "summary {listed:?}, form {order:?}");
    }
}
