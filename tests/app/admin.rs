//! Instance roles and the audit log: an admin and a moderator find their way from `/admin`,
//! see every petition on the instance, and every action they take is in the log.
use rocket::http::Status;
use rustition::domain::audit::{self, Action, Target};
use rustition::domain::petition::petitions::OwnerId;

use crate::common::TestApp;

#[rocket::async_test]
async fn a_moderator_sees_every_petition_and_the_admin_index_but_not_the_admins_pages() {
    let t = TestApp::start().await;
    let founder = t.user("founder", false).await;
    let org = t.organisation("far-away", "Far Away Collective", founder).await;
    let content =
        rustition::domain::petition::content::Content { title: "Plant the square".into(), ..Default::default() };
    t.petition_of(OwnerId::Organisation(org), "square", content).await;
    t.moderator("moderator").await;
    t.user("maria", false).await;

    // A member of nothing sees neither the link, nor the index, nor other people's petitions.
    t.login("maria").await;
    let (_, home) = t.get("/dashboard").await;
    assert!(!home.contains("href=\"/admin\""));
    assert_eq!(t.get("/admin").await.0, Status::Forbidden);
    let (_, all) = t.get("/dashboard?owner=all").await;
    assert!(!all.contains("Plant the square"), "owner=all is for admins and moderators only");
    t.submit("/", "/logout", &[]).await;

    t.login("moderator").await;
    let (_, home) = t.get("/dashboard").await;
    assert!(home.contains("href=\"/admin\""), "the header links to the administration");
    let (status, index) = t.get("/admin").await;
    assert_eq!(status, Status::Ok);
    assert!(index.contains("Every petition on the instance"));
    assert!(!index.contains("/admin/mail") && !index.contains("/admin/audit"), "a moderator is not an admin");
    assert_eq!(t.get("/admin/audit").await.0, Status::Forbidden);
    assert_eq!(t.get("/admin/mail").await.0, Status::Forbidden);
    let (_, all) = t.get("/dashboard?owner=all").await;
    assert!(all.contains("Plant the square"), "a moderator sees every organisation's petitions");
}

#[rocket::async_test]
async fn the_audit_log_is_filtered_by_who_what_and_when_and_paged() {
    let t = TestApp::start().await;
    t.user("admin", true).await;
    let db = &t.app().db;
    let now = chrono::Utc::now();
    let old = now - chrono::Duration::days(40);
    for i in 0..55 {
        let target = Target::new("petition", i, format!("Petition {i}"));
        audit::record(db, None, Action::PetitionHide, target, "spam", now).await.unwrap();
    }
    audit::record(db, None, Action::SettingChange, Target::new("setting", "instance_name", ""), "", old).await.unwrap();

    t.login("admin").await;
    let (_, first) = t.get("/admin/audit").await;
    assert!(first.contains("56 entries.") && first.contains("Page 1 of 2"), "{first}");
    let (_, hides) = t.get("/admin/audit?action=petition.hide&page=2").await;
    assert!(
        hides.contains("55 entries.")
            && hides.contains(">Petition hidden</td>")
            && !hides.contains(">Setting changed</td>")
    );
    let day = old.format("%Y-%m-%d").to_string();
    let (_, that_day) = t.get(&format!("/admin/audit?from={day}&until={day}")).await;
    assert!(
        that_day.contains("One entry.")
            && that_day.contains(">Setting changed</td>")
            && that_day.contains("(operator)")
    );
    let (_, one) = t.get("/admin/audit?kind=petition&target=7").await;
    assert!(one.contains("One entry.") && one.contains("Petition 7"), "{one}");
    let (_, nobody) = t.get("/admin/audit?actor=zz").await;
    assert!(nobody.contains("No entry."));
    let (_, fr) = t.get_lang("/admin/audit?action=petition.hide", "fr").await;
    assert!(fr.contains(">Pétition masquée</td>") && fr.contains("55 entrées."));
}

#[test]
fn every_audited_action_has_a_name_in_every_language() {
    let root = crate::common::repo_root();
    let i18n = rustition::i18n::I18n::load(&root.join("locales"), &["en".to_string(), "fr".to_string()], "en")
        .expect("locales");
    for action in Action::ALL {
        assert_eq!(Action::parse(action.as_str()), Some(action));
        for lang in ["en", "fr"] {
            let text = i18n.tr(lang, &action.message_id(), None);
            assert_ne!(text, action.message_id(), "{lang} lacks {}", action.message_id());
        }
    }
}
