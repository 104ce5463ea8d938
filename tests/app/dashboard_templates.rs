//! Petition templates: an organiser writes the settings new petitions start from, makes one the
//! default that the wizard offers first, saves a petition's settings as a template, and deletes
//! templates; organisation templates follow the members' rights.
use crate::common;

use common::{TestApp, location};
use rocket::http::Status;
use rustition::domain::organisation::organisations::{self};
use rustition::domain::permissions::Flag;
use rustition::domain::petition::content::CustomField;
use rustition::domain::petition::petitions::{
    self, Content, FieldRule, NewPetition, OwnerId, Status as PetitionStatus,
};

/// The id in `/dashboard/templates/<id>/…` or `/dashboard/petitions/<id>/…`.
fn id_in(path: &str) -> String {
    path.split('/').nth(3).unwrap_or_default().to_string()
}

/// Creates a template from the templates page; returns its id.
async fn create_template(t: &TestApp, name: &str, owner: &str) -> String {
    let r = t.submit("/dashboard/templates", "/dashboard/templates", &[("name", name), ("owner", owner)]).await;
    assert_eq!(r.status(), Status::SeeOther, "creating template {name:?} for {owner}");
    let to = location(&r);
    assert!(to.ends_with("/edit/content"), "{to}");
    id_in(&to)
}

/// Saves a section of template `id` from its page, expecting success.
async fn save_section(t: &TestApp, id: &str, section: &str, fields: &[(&str, &str)]) {
    let page = format!("/dashboard/templates/{id}/edit/{section}");
    let r = t.submit(&page, &page, fields).await;
    assert_eq!(
        r.status(),
        Status::SeeOther,
        "template section {section}: {}",
        r.into_string().await.unwrap_or_default()
    );
    assert_eq!(location(&r), page);
}

const FIELDS_WITH_NEIGHBOURHOOD: [(&str, &str); 12] = [
    ("field_first_name", "required"),
    ("field_last_name", "optional"),
    ("field_phone", "off"),
    ("field_postal_code", "required"),
    ("field_country", "off"),
    ("field_organisation", "off"),
    ("custom1_label", "Neighbourhood"),
    ("field_custom1", "required"),
    ("custom2_label", ""),
    ("field_custom2", "off"),
    ("custom3_label", ""),
    ("field_custom3", "off"),
];

async fn switch_to(t: &TestApp, user: &str) {
    let r = t.submit("/", "/logout", &[]).await;
    assert_eq!(r.status(), Status::SeeOther, "logout");
    t.login(user).await;
}

#[rocket::async_test]
async fn an_organiser_makes_a_default_template_and_a_new_petition_starts_with_its_settings() {
    let t = TestApp::start().await;
    t.user("alice", false).await;
    t.user("bob", false).await;
    t.login("bob").await;
    let bobs = create_template(&t, "Bob alone", "me").await;
    switch_to(&t, "alice").await;

    // A template needs a name; the owner chosen is kept.
    let r = t.submit("/dashboard/templates", "/dashboard/templates", &[("name", " "), ("owner", "me")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("id=\"name-error\"") && html.contains("This field is required."));
    assert!(html.contains("value=\"me\" checked"));

    let street = create_template(&t, "Street campaign", "me").await;
    let other = create_template(&t, "Another one", "me").await;
    let (_, html) = t.get(&format!("/dashboard/templates/{street}/edit/content")).await;
    assert!(html.contains("The template is created") && html.contains("value=\"Street campaign\""));

    // Title and text may stay empty in a template, but the rules of each section still hold.
    let text = "Our street needs **safer crossings**.";
    save_section(
        &t,
        &street,
        "content",
        &[("name", "Street campaign"), ("title", ""), ("text", text), ("goal", "500")],
    )
    .await;
    save_section(&t, &street, "fields", &FIELDS_WITH_NEIGHBOURHOOD).await;
    let look = format!("/dashboard/templates/{street}/edit/look");
    let r =
        t.submit(&look, &look, &[("theme", "classic"), ("accent_color", "#ffff00"), ("background_color", "")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity, "a template's colours are checked too");
    assert!(r.into_string().await.unwrap().contains("does not stand out enough"));
    save_section(&t, &street, "look", &[("theme", "classic"), ("accent_color", "#1d4ed8"), ("background_color", "")])
        .await;
    save_section(
        &t,
        &street,
        "mail",
        &[
            ("reply_to", "street@example.org"),
            ("confirmation_text", "See you on the street."),
            ("newsletter_label", ""),
        ],
    )
    .await;
    for section in ["paper", "permalinks", "image"] {
        let page = format!("/dashboard/templates/{street}/edit/{section}");
        assert_eq!(t.get(&page).await.0, Status::NotFound, "{section}: not a template section");
    }
    let (_, html) = t.get(&format!("/dashboard/templates/{street}/edit/fields")).await;
    assert!(
        html.contains("value=\"Neighbourhood\"") && html.contains("name=\"field_custom1\" value=\"required\" checked")
    );

    let r =
        t.submit("/dashboard/templates", &format!("/dashboard/templates/{street}/default"), &[("on", "true")]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, "/dashboard/templates".to_string()));
    let (_, html) = t.get("/dashboard/templates").await;
    let at = html.find("Street campaign").expect("listed");
    assert!(html[at..].starts_with("Street campaign</a> <strong>(default)</strong>"), "marked as the default");
    assert!(!html.contains("Bob alone"), "bob's templates are his");

    // The wizard offers the default first, then starts the draft from it.
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "me")]).await;
    let start = location(&r);
    let draft = id_in(&start);
    let (_, html) = t.get(&start).await;
    assert!(html.contains(&format!("value=\"{street}\" checked")), "the default is chosen");
    assert!(html.contains(&format!("value=\"{other}\">")) && html.contains("value=\"blank\">"));
    assert!(!html.contains(&format!("value=\"{bobs}\"")), "another user's template is not offered");
    let r = t.submit(&start, &start, &[("template", &bobs)]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity, "nor can it be asked for");
    let r = t.submit(&start, &start, &[("template", &street)]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(location(&r).ends_with("/wizard/content"));

    let base = format!("/dashboard/petitions/{draft}");
    let (_, html) = t.get(&format!("{base}/wizard/content")).await;
    assert!(html.contains(text), "the template's text");
    let (_, html) = t.get(&format!("{base}/wizard/fields")).await;
    assert!(html.contains("value=\"500\"") && html.contains("value=\"Neighbourhood\""));
    assert!(html.contains("name=\"field_postal_code\" value=\"required\" checked"));
    let (_, html) = t.get(&format!("{base}/wizard/look")).await;
    assert!(html.contains("value=\"#1d4ed8\""));
    let (_, html) = t.get(&format!("{base}/edit/mail")).await;
    assert!(html.contains("value=\"street@example.org\"") && html.contains("See you on the street."));

    // Published, the petition asks what the template asks.
    let content = format!("{base}/wizard/content");
    let r = t
        .submit(&content, &content, &[("title", "Safe crossings on Elm Street"), ("text", text), ("go", "next")])
        .await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.submit(&base, &format!("{base}/status"), &[("change", "publish")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (status, public) = t.get("/u/alice/safe-crossings-on-elm-street").await;
    assert_eq!(status, Status::Ok);
    assert!(
        public.contains("Neighbourhood") && public.contains("name=\"postal_code\"") && public.contains("goal: 500")
    );
    let (_, css) = t.get(&format!("/p/{draft}/colours.css")).await;
    assert!(css.contains("--accent: #1d4ed8"));

    // The template is a copy: changing it later leaves the petition as it is.
    save_section(
        &t,
        &street,
        "content",
        &[("name", "Street campaign"), ("title", ""), ("text", text), ("goal", "900")],
    )
    .await;
    let (_, public) = t.get(&format!("/p/{draft}")).await;
    assert!(public.contains("goal: 500"));

    // Once no template is the default, the wizard starts blank.
    let r =
        t.submit("/dashboard/templates", &format!("/dashboard/templates/{street}/default"), &[("on", "false")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "me")]).await;
    let (_, html) = t.get(&location(&r)).await;
    assert!(html.contains("value=\"blank\" checked") && !html.contains(&format!("value=\"{street}\" checked")));
}

#[rocket::async_test]
async fn an_organiser_saves_a_petition_as_a_template_and_later_deletes_it() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let mut content =
        Content { title: "Trees for the square".into(), text: "Plant trees.".into(), goal: 300, ..Default::default() };
    content.fields.custom[0] = CustomField { label: "Street".into(), rule: FieldRule::Optional };
    content.mail.confirmation_text = "Thanks from the tree people.".into();
    let id = petitions::create(
        &t.app().db,
        &rustition::domain::permissions::operator(OwnerId::User(alice)),
        NewPetition {
            content,
            slug: Some("trees".into()),
            status: PetitionStatus::Published,
            locale: "en".into(),
            wizard_step: None,
        },
    )
    .await
    .unwrap();
    t.login("alice").await;
    let overview = format!("/dashboard/petitions/{id}");
    let action = format!("{overview}/save-template");

    let r = t.submit(&overview, &action, &[("name", "")]).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    assert!(html.contains("id=\"name-error\"") && html.contains("This field is required."));
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_templates").await, 0);

    let r = t.submit(&overview, &action, &[("name", "Like the trees")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let tid = id_in(&location(&r));
    let (_, html) = t.get(&location(&r)).await;
    assert!(html.contains("The template is saved.") && html.contains("value=\"Like the trees\""));
    assert!(html.contains("value=\"Trees for the square\"") && html.contains("value=\"300\""));
    let (_, html) = t.get(&format!("/dashboard/templates/{tid}/edit/fields")).await;
    assert!(html.contains("value=\"Street\"") && html.contains("name=\"field_custom1\" value=\"optional\" checked"));
    let (_, html) = t.get(&format!("/dashboard/templates/{tid}/edit/mail")).await;
    assert!(html.contains("Thanks from the tree people."));

    let r = t.submit("/dashboard/templates", &format!("/dashboard/templates/{tid}/delete"), &[]).await;
    assert_eq!((r.status(), location(&r)), (Status::SeeOther, "/dashboard/templates".to_string()));
    let (_, html) = t.get("/dashboard/templates").await;
    assert!(html.contains("The template is deleted.") && !html.contains("Like the trees"));
    assert_eq!(t.get(&format!("/dashboard/templates/{tid}/edit/content")).await.0, Status::NotFound);
    assert_eq!(t.get("/u/alice/trees").await.0, Status::Ok, "the petition stays");
}

#[rocket::async_test]
async fn organisation_templates_need_the_members_template_rights_and_stay_hidden_from_others() {
    let t = TestApp::start().await;
    let alice = t.user("alice", false).await;
    let bob = t.user("bob", false).await;
    t.user("carl", false).await;
    let friends = t.organisation("friends", "Friends", alice).await;
    organisations::add_member(&t.app().db, &rustition::domain::permissions::operator(friends), bob).await.unwrap();
    organisations::set_permissions(&t.app().db, &rustition::domain::permissions::operator(friends), bob, &[])
        .await
        .unwrap();

    t.login("alice").await;
    let letter = create_template(&t, "Friends letter", "friends").await;
    let own = create_template(&t, "Alice alone", "me").await;

    // bob is a member without template rights: he sees the template, may not create, edit or delete.
    switch_to(&t, "bob").await;
    let (_, html) = t.get("/dashboard/templates").await;
    assert!(html.contains("Friends letter") && !html.contains(&format!("/dashboard/templates/{letter}/edit")));
    assert!(!html.contains("value=\"friends\""), "the organisation is not offered as owner");
    let r = t.submit("/dashboard/templates", "/dashboard/templates", &[("name", "Ours"), ("owner", "friends")]).await;
    assert_eq!(r.status(), Status::Forbidden, "creating an organisation template without the right");
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_templates").await, 2);
    assert_eq!(t.get(&format!("/dashboard/templates/{letter}/edit/content")).await.0, Status::Forbidden);
    let r = t.submit("/dashboard/templates", &format!("/dashboard/templates/{letter}/delete"), &[]).await;
    assert_eq!(r.status(), Status::Forbidden);
    assert_eq!(t.get(&format!("/dashboard/templates/{letter}/delete")).await.0, Status::Forbidden, "nor asked");
    let r =
        t.submit("/dashboard/templates", &format!("/dashboard/templates/{letter}/default"), &[("on", "true")]).await;
    assert_eq!(r.status(), Status::Forbidden);
    // alice's own template is none of bob's business: it does not exist for him.
    assert_eq!(t.get(&format!("/dashboard/templates/{own}/edit/content")).await.0, Status::NotFound);

    // carl is no member: the organisation's template does not exist for him.
    switch_to(&t, "carl").await;
    assert_eq!(t.get(&format!("/dashboard/templates/{letter}/edit/content")).await.0, Status::NotFound);
    let r = t.submit("/dashboard/templates", &format!("/dashboard/templates/{letter}/delete"), &[]).await;
    assert_eq!(r.status(), Status::NotFound);
    assert_eq!(t.get(&format!("/dashboard/templates/{letter}/delete")).await.0, Status::NotFound);
    let r = t.submit("/dashboard/templates", "/dashboard/templates", &[("name", "Ours"), ("owner", "friends")]).await;
    assert_ne!(r.status(), Status::SeeOther, "an outsider cannot create one either");
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_templates").await, 2);

    // Given the rights, bob creates and edits the organisation's templates.
    let rights = [Flag::CreateTemplates, Flag::ModifyTemplates];
    organisations::set_permissions(&t.app().db, &rustition::domain::permissions::operator(friends), bob, &rights)
        .await
        .unwrap();
    switch_to(&t, "bob").await;
    let ours = create_template(&t, "Ours", "friends").await;
    save_section(&t, &ours, "content", &[("name", "Ours, renamed"), ("title", ""), ("text", ""), ("goal", "")]).await;
    save_section(
        &t,
        &letter,
        "content",
        &[("name", "Friends letter"), ("title", "Dear council"), ("text", ""), ("goal", "")],
    )
    .await;
    let r = t.submit("/dashboard/templates", &format!("/dashboard/templates/{letter}/delete"), &[]).await;
    assert_eq!(r.status(), Status::Forbidden, "deleting needs its own right");
}
