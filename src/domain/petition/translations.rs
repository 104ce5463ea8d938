//! A petition in several languages: the words an organiser writes (title, text, side text,
//! thank-you text, milestone text, share card, confirmation mail text, newsletter and custom field labels) kept per
//! language beside the petition's own, which are its default language's. Goal, fields, look
//! and everything else stay one for all languages. Adding a language copies the default text
//! as a start; a translation last saved before the default text changed is "older" than it.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use super::content::{Content, MAX_LABEL, MAX_MILESTONE, MAX_SIDE_TEXT, MAX_TEXT, MAX_THANK_YOU_TEXT, MAX_TITLE};
use super::petitions::PublicPetition;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, EditsContent};
use crate::domain::{DomainError, DomainResult, FieldErrors, now};
use crate::entities::{petition, petition_translation as row};

/// Languages a petition's content may be written in beyond the instance's own interface
/// languages, each named in itself (a name that reads the same whatever the page's language).
pub const CONTENT_LANGUAGES: [(&str, &str); 12] = [
    ("ca", "Català"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("eu", "Euskara"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("oc", "Occitan"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("br", "Brezhoneg"),
];

/// The form names of the words a translation holds, in form order.
pub const FIELDS: [&str; 12] = [
    "title",
    "text",
    "side_text",
    "thank_you_text",
    "milestone_text",
    "social_title",
    "social_description",
    "confirmation_text",
    "newsletter_label",
    "custom1_label",
    "custom2_label",
    "custom3_label",
];

/// The words of one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Texts {
    pub title: String,
    pub text: String,
    pub side_text: String,
    pub thank_you_text: String,
    pub milestone_text: String,
    pub social_title: String,
    pub social_description: String,
    pub confirmation_text: String,
    pub newsletter_label: String,
    pub custom_labels: [String; 3],
}

impl Texts {
    /// The default language's words.
    pub fn of_content(c: &Content) -> Texts {
        Texts {
            title: c.title.clone(),
            text: c.text.clone(),
            side_text: c.side_text.clone(),
            thank_you_text: c.thank_you_text.clone(),
            milestone_text: c.milestone_text.clone(),
            social_title: c.sharing.social_title.clone().unwrap_or_default(),
            social_description: c.sharing.social_description.clone().unwrap_or_default(),
            confirmation_text: c.mail.confirmation_text.clone(),
            newsletter_label: c.mail.newsletter_label.clone(),
            custom_labels: c.fields.custom.clone().map(|f| f.label),
        }
    }

    pub fn of_row(t: &row::Model) -> Texts {
        Texts {
            title: t.title.clone(),
            text: t.text.clone(),
            side_text: t.side_text.clone(),
            thank_you_text: t.thank_you_text.clone(),
            milestone_text: t.milestone_text.clone(),
            social_title: t.social_title.clone().unwrap_or_default(),
            social_description: t.social_description.clone().unwrap_or_default(),
            confirmation_text: t.confirmation_text.clone(),
            newsletter_label: t.newsletter_label.clone(),
            custom_labels: [t.custom1_label.clone(), t.custom2_label.clone(), t.custom3_label.clone()],
        }
    }

    /// By form name (`FIELDS`), for a form to show.
    pub fn get(&self, name: &str) -> &str {
        match name {
            "title" => &self.title,
            "text" => &self.text,
            "side_text" => &self.side_text,
            "thank_you_text" => &self.thank_you_text,
            "milestone_text" => &self.milestone_text,
            "social_title" => &self.social_title,
            "social_description" => &self.social_description,
            "confirmation_text" => &self.confirmation_text,
            "newsletter_label" => &self.newsletter_label,
            "custom1_label" => &self.custom_labels[0],
            "custom2_label" => &self.custom_labels[1],
            "custom3_label" => &self.custom_labels[2],
            _ => "",
        }
    }

    /// Reads a form by `FIELDS` names; `value` gives what was typed for each.
    pub fn from_form<'a>(value: impl Fn(&str) -> &'a str) -> Texts {
        let line = |name: &str| value(name).trim().to_string();
        Texts {
            title: line("title"),
            text: value("text").replace("\r\n", "\n"),
            side_text: value("side_text").trim().replace("\r\n", "\n"),
            thank_you_text: value("thank_you_text").trim().replace("\r\n", "\n"),
            milestone_text: line("milestone_text"),
            social_title: line("social_title"),
            social_description: line("social_description"),
            confirmation_text: value("confirmation_text").trim().replace("\r\n", "\n"),
            newsletter_label: line("newsletter_label"),
            custom_labels: [line("custom1_label"), line("custom2_label"), line("custom3_label")],
        }
    }

    /// The same limits as the default language's sections; errors by form name.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut rule = |field: &'static str, value: &str, min: usize, max: usize| {
            let n = value.trim().chars().count();
            if n < min {
                errors.insert(field, "error-required");
            } else if n > max {
                errors.insert(field, "error-too-long");
            } else if !["text", "side_text", "thank_you_text", "confirmation_text"].contains(&field)
                && value.chars().any(char::is_control)
            {
                errors.insert(field, "error-invalid-characters");
            }
        };
        rule("title", &self.title, 1, MAX_TITLE);
        rule("text", &self.text, 1, MAX_TEXT);
        rule("side_text", &self.side_text, 0, MAX_SIDE_TEXT);
        rule("thank_you_text", &self.thank_you_text, 0, MAX_THANK_YOU_TEXT);
        rule("milestone_text", &self.milestone_text, 0, MAX_MILESTONE);
        rule("social_title", &self.social_title, 0, 200);
        rule("social_description", &self.social_description, 0, 300);
        rule("confirmation_text", &self.confirmation_text, 0, 2000);
        rule("newsletter_label", &self.newsletter_label, 0, 200);
        for (i, label) in self.custom_labels.iter().enumerate() {
            rule(["custom1_label", "custom2_label", "custom3_label"][i], label, 0, MAX_LABEL);
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    fn write(&self, a: &mut row::ActiveModel) {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        a.title = Set(self.title.clone());
        a.text = Set(self.text.clone());
        a.side_text = Set(self.side_text.clone());
        a.thank_you_text = Set(self.thank_you_text.clone());
        a.milestone_text = Set(self.milestone_text.clone());
        a.social_title = Set(some(&self.social_title));
        a.social_description = Set(some(&self.social_description));
        a.confirmation_text = Set(self.confirmation_text.clone());
        a.newsletter_label = Set(self.newsletter_label.clone());
        let [c1, c2, c3] = self.custom_labels.clone();
        a.custom1_label = Set(c1);
        a.custom2_label = Set(c2);
        a.custom3_label = Set(c3);
        a.updated_at = Set(now());
    }

    /// The petition as shown in this translation's `locale`. A word left empty here (a label,
    /// the share card) is the default language's: a field the organiser asks for keeps a label.
    pub fn overlay(&self, p: &PublicPetition, locale: &str) -> PublicPetition {
        let mut out = p.clone();
        let or = |mine: &str, theirs: &str| if mine.is_empty() { theirs.to_string() } else { mine.to_string() };
        let or_opt =
            |mine: &str, theirs: &Option<String>| if mine.is_empty() { theirs.clone() } else { Some(mine.to_string()) };
        out.locale = locale.to_string();
        out.title = or(&self.title, &p.title);
        out.text = or(&self.text, &p.text);
        out.side_text = or(&self.side_text, &p.side_text);
        out.thank_you_text = or(&self.thank_you_text, &p.thank_you_text);
        out.milestone_text = or(&self.milestone_text, &p.milestone_text);
        out.sharing.social_title = or_opt(&self.social_title, &p.sharing.social_title);
        out.sharing.social_description = or_opt(&self.social_description, &p.sharing.social_description);
        out.mail.confirmation_text = or(&self.confirmation_text, &p.mail.confirmation_text);
        out.mail.newsletter_label = or(&self.newsletter_label, &p.mail.newsletter_label);
        for (field, label) in out.fields.custom.iter_mut().zip(&self.custom_labels) {
            if !label.is_empty() {
                field.label = label.clone();
            }
        }
        out
    }
}

/// Whether an edit changed the words translations are made from (and so may leave them older).
pub fn words_changed(old: &Content, new: &Content) -> bool {
    Texts::of_content(old) != Texts::of_content(new)
}

/// A translation as the dashboard lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    pub locale: String,
    pub title: String,
    pub updated_at: DateTime<Utc>,
    /// Last saved before the default language's text changed.
    pub older: bool,
}

/// A petition's translations, by language code.
pub async fn of_petition(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Vec<row::Model>> {
    Ok(row::Entity::find().filter(row::Column::PetitionId.eq(id.0)).order_by_asc(row::Column::Locale).all(db).await?)
}

/// The translations with whether each is older than the default text.
pub async fn listed(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Vec<Listed>> {
    let p = petition::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)?;
    Ok(of_petition(db, id)
        .await?
        .into_iter()
        .map(|t| Listed {
            older: p.content_updated_at.is_some_and(|changed| t.updated_at < changed),
            locale: t.locale,
            title: t.title,
            updated_at: t.updated_at,
        })
        .collect())
}

pub async fn one(db: &impl ConnectionTrait, id: PetitionId, locale: &str) -> DomainResult<row::Model> {
    row::Entity::find()
        .filter(row::Column::PetitionId.eq(id.0))
        .filter(row::Column::Locale.eq(locale))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}

/// Adds `locale` (one of `offered`), starting from a copy of the default language's text.
pub async fn add<R: EditsContent>(
    db: &DatabaseConnection,
    can: &Allowed<R, PetitionId>,
    locale: &str,
    offered: &[String],
) -> DomainResult<()> {
    let id = can.target();
    let refuse = || DomainError::Invalid(FieldErrors::from([("locale", "error-choice-invalid")]));
    if !offered.iter().any(|o| o == locale) {
        return Err(refuse());
    }
    let txn = crate::db::begin_write(db).await?;
    let p = petition::Entity::find_by_id(id.0).one(&txn).await?.ok_or(DomainError::NotFound)?;
    if p.default_locale == locale || one(&txn, id, locale).await.is_ok() {
        return Err(refuse());
    }
    let mut active = row::ActiveModel { petition_id: Set(id.0), locale: Set(locale.to_string()), ..Default::default() };
    Texts::of_content(&Content::of(&p)).write(&mut active);
    active.insert(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Saves the words of an existing translation; on error nothing is saved.
pub async fn save<R: EditsContent>(
    db: &impl ConnectionTrait,
    can: &Allowed<R, PetitionId>,
    locale: &str,
    texts: &Texts,
) -> DomainResult<()> {
    let found = one(db, can.target(), locale).await?;
    texts.check().map_err(DomainError::Invalid)?;
    let mut active = found.into_active_model();
    texts.write(&mut active);
    active.update(db).await?;
    Ok(())
}

pub async fn remove<R: EditsContent>(
    db: &impl ConnectionTrait,
    can: &Allowed<R, PetitionId>,
    locale: &str,
) -> DomainResult<()> {
    let deleted = row::Entity::delete_many()
        .filter(row::Column::PetitionId.eq(can.target().0))
        .filter(row::Column::Locale.eq(locale))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 { Err(DomainError::NotFound) } else { Ok(()) }
}

/// The first of `wanted` (in the visitor's order of preference) that one of `available` serves,
/// a region falling back to its language (`de-AT` → `de`).
pub fn negotiate<'a>(available: &[&'a str], wanted: &[String]) -> Option<&'a str> {
    use fluent_langneg::{NegotiationStrategy, negotiate_languages};
    use unic_langid::LanguageIdentifier;
    let ids: Vec<LanguageIdentifier> = available.iter().filter_map(|c| c.parse().ok()).collect();
    for w in wanted {
        let Ok(requested) = w.parse::<LanguageIdentifier>() else { continue };
        let chosen = negotiate_languages(&[requested], &ids, None, NegotiationStrategy::Lookup);
        if let Some(found) = chosen.first() {
            let code = found.to_string();
            return available.iter().copied().find(|c| *c == code);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(c: &Content) -> PublicPetition {
        use crate::domain::petition::petitions::{Owner, Status};
        PublicPetition {
            id: PetitionId(1),
            title: c.title.clone(),
            text: c.text.clone(),
            side_text: c.side_text.clone(),
            thank_you_text: c.thank_you_text.clone(),
            goal: c.goal,
            count: 0,
            reached_goal: None,
            milestone_text: c.milestone_text.clone(),
            status: Status::Published,
            fields: c.fields.clone(),
            look: c.look.clone(),
            sharing: c.sharing.clone(),
            mail: c.mail.clone(),
            owner: Owner { kind: "u", slug: "alice".into(), name: "alice".into() },
            path: "/p/1".into(),
            locale: "en".into(),
            owner_suspended: false,
            retention: crate::domain::signature::retention::Retention { days: None, closed_at: None, erased_at: None },
        }
    }

    fn wanted(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_first_wanted_language_the_petition_has_wins() {
        let have = ["en", "fr", "de"];
        assert_eq!(negotiate(&have, &wanted(&["fr"])), Some("fr"));
        assert_eq!(negotiate(&have, &wanted(&["es", "de-AT", "fr"])), Some("de"));
        assert_eq!(negotiate(&have, &wanted(&["es", "it"])), None);
        assert_eq!(negotiate(&have, &wanted(&["not a tag!", "en-GB"])), Some("en"));
    }

    #[test]
    fn words_left_empty_in_a_translation_are_shown_in_the_default_language() {
        use crate::domain::petition::content::FieldRule;
        let mut c = Content { title: "Trees".into(), text: "Plant".into(), ..Default::default() };
        c.fields.custom[0].label = "Street".into();
        c.fields.custom[0].rule = FieldRule::Required;
        c.mail.confirmation_text = "Thanks".into();
        c.sharing.social_title = Some("Trees!".into());
        let mut t = Texts::of_content(&c);
        assert!(!words_changed(&c, &c));
        t.title = "Arbres".into();
        t.custom_labels[0] = String::new();
        t.social_title = String::new();
        let p = public(&c);
        let fr = t.overlay(&p, "fr");
        assert_eq!((fr.locale.as_str(), fr.title.as_str()), ("fr", "Arbres"));
        assert_eq!(fr.fields.custom[0].label, "Street");
        assert_eq!(fr.sharing.social_title.as_deref(), Some("Trees!"));
        assert_eq!(fr.mail.confirmation_text, "Thanks");
        let mut changed = c.clone();
        changed.text = "Plant more".into();
        assert!(words_changed(&c, &changed));
        changed = c.clone();
        changed.goal = 10;
        assert!(!words_changed(&c, &changed), "the goal is the same in every language");
    }

    #[test]
    fn empty_words_of_a_translation_are_the_default_ones() {
        let mut t = Texts { title: "Sauvez".into(), text: "Texte".into(), ..Default::default() };
        t.custom_labels[1] = "Quartier".into();
        assert!(t.check().is_ok());
        let mut bad = t.clone();
        bad.title = " ".into();
        bad.custom_labels[0] = "x".repeat(MAX_LABEL + 1);
        let errors = bad.check().unwrap_err();
        assert_eq!(errors.get("title"), Some(&"error-required"));
        assert_eq!(errors.get("custom1_label"), Some(&"error-too-long"));
    }
}
