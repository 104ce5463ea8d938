//! What an organiser writes into a petition, section by section: its text, signer fields, look,
//! sharing and mail settings. The wizard, the edit pages and templates all read and write it
//! through these types, so a rule is checked in one place whichever page asks.
use std::collections::BTreeMap;

use sea_orm::Set;
use serde::{Deserialize, Serialize};

use super::FieldErrors;
use super::email;
use crate::entities::petition;

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 50_000;
pub const MAX_GOAL: i64 = 1_000_000_000;
pub const MAX_MILESTONE: usize = 300;
pub const MAX_LABEL: usize = 100;
pub const SHARE_BUTTONS: [&str; 4] = ["email", "mastodon", "diaspora", "link"];
/// The signer fields an organiser may switch on, in form order (email is always required).
pub const OPTIONAL_FIELDS: [&str; 6] = ["first_name", "last_name", "phone", "postal_code", "country", "organisation"];

/// What a form posted: field name → value. Sections read the names they own.
pub type Posted = BTreeMap<String, String>;

fn posted<'a>(form: &'a Posted, name: &str) -> &'a str {
    form.get(name).map(|s| s.trim()).unwrap_or("")
}

/// Whether a signer field is asked for, and whether it must be filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldRule {
    Required,
    Optional,
    Off,
}

impl FieldRule {
    pub fn parse(s: &str) -> FieldRule {
        Self::from_form(s).unwrap_or(FieldRule::Off)
    }

    fn from_form(s: &str) -> Option<FieldRule> {
        match s {
            "required" => Some(FieldRule::Required),
            "optional" => Some(FieldRule::Optional),
            "off" => Some(FieldRule::Off),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FieldRule::Required => "required",
            FieldRule::Optional => "optional",
            FieldRule::Off => "off",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Published,
    Closed,
}

impl Status {
    pub fn parse(s: &str) -> Status {
        match s {
            "published" => Status::Published,
            "closed" => Status::Closed,
            _ => Status::Draft,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Closed => "closed",
        }
    }
}

/// A field the organiser names, e.g. "Neighbourhood".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    pub label: String,
    pub rule: FieldRule,
}

/// Which signer fields a petition asks for. Email is always required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerFields {
    pub first_name: FieldRule,
    pub last_name: FieldRule,
    pub phone: FieldRule,
    pub postal_code: FieldRule,
    pub country: FieldRule,
    pub organisation: FieldRule,
    pub custom: [CustomField; 3],
}

impl SignerFields {
    /// The rule of a standard field by its form name.
    pub fn rule(&self, name: &str) -> FieldRule {
        match name {
            "first_name" => self.first_name,
            "last_name" => self.last_name,
            "phone" => self.phone,
            "postal_code" => self.postal_code,
            "country" => self.country,
            "organisation" => self.organisation,
            _ => FieldRule::Off,
        }
    }

    fn set(&mut self, name: &str, rule: FieldRule) {
        match name {
            "first_name" => self.first_name = rule,
            "last_name" => self.last_name = rule,
            "phone" => self.phone = rule,
            "postal_code" => self.postal_code = rule,
            "country" => self.country = rule,
            "organisation" => self.organisation = rule,
            _ => {}
        }
    }
}

impl Default for SignerFields {
    fn default() -> Self {
        let off = CustomField { label: String::new(), rule: FieldRule::Off };
        SignerFields {
            first_name: FieldRule::Required,
            last_name: FieldRule::Required,
            phone: FieldRule::Off,
            postal_code: FieldRule::Off,
            country: FieldRule::Off,
            organisation: FieldRule::Off,
            custom: [off.clone(), off.clone(), off],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Look {
    pub theme: String,
    /// `#rrggbb`; none means the theme's own colours.
    pub accent_color: Option<String>,
    pub background_color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sharing {
    /// Which of `SHARE_BUTTONS` the page shows.
    pub buttons: Vec<String>,
    pub social_title: Option<String>,
    pub social_description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    pub reply_to: Option<String>,
    /// Added to the confirmation mail, after the standard words.
    pub confirmation_text: String,
    /// The newsletter opt-in checkbox's label; empty means no checkbox.
    pub newsletter_label: String,
}

/// Everything a petition's organiser writes, and everything a template gives a new petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Content {
    pub title: String,
    pub text: String,
    pub goal: i64,
    /// Shown beside the progress bar once the goal is reached (and after it was raised).
    pub milestone_text: String,
    pub fields: SignerFields,
    pub look: Look,
    pub sharing: Sharing,
    pub mail: MailSettings,
}

impl Default for Content {
    fn default() -> Self {
        Content {
            title: String::new(),
            text: String::new(),
            goal: 0,
            milestone_text: String::new(),
            fields: SignerFields::default(),
            look: Look { theme: "classic".into(), accent_color: None, background_color: None },
            sharing: Sharing {
                buttons: SHARE_BUTTONS.iter().map(|s| s.to_string()).collect(),
                social_title: None,
                social_description: None,
            },
            mail: MailSettings { reply_to: None, confirmation_text: String::new(), newsletter_label: String::new() },
        }
    }
}

impl Content {
    pub fn of(p: &petition::Model) -> Content {
        let custom = |label: &str, rule: &str| CustomField { label: label.to_string(), rule: FieldRule::parse(rule) };
        Content {
            title: p.title.clone(),
            text: p.text.clone(),
            goal: p.goal,
            milestone_text: p.milestone_text.clone(),
            fields: SignerFields {
                first_name: FieldRule::parse(&p.field_first_name),
                last_name: FieldRule::parse(&p.field_last_name),
                phone: FieldRule::parse(&p.field_phone),
                postal_code: FieldRule::parse(&p.field_postal_code),
                country: FieldRule::parse(&p.field_country),
                organisation: FieldRule::parse(&p.field_organisation),
                custom: [
                    custom(&p.custom1_label, &p.field_custom1),
                    custom(&p.custom2_label, &p.field_custom2),
                    custom(&p.custom3_label, &p.field_custom3),
                ],
            },
            look: Look {
                theme: p.theme.clone(),
                accent_color: p.accent_color.clone(),
                background_color: p.background_color.clone(),
            },
            sharing: Sharing {
                buttons: p.share_buttons.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect(),
                social_title: p.social_title.clone(),
                social_description: p.social_description.clone(),
            },
            mail: MailSettings {
                reply_to: p.reply_to.clone(),
                confirmation_text: p.confirmation_text.clone(),
                newsletter_label: p.newsletter_label.clone(),
            },
        }
    }

    /// Writes every setting into `a` (owner, status and counts are not content).
    pub fn write(&self, a: &mut petition::ActiveModel) {
        a.title = Set(self.title.clone());
        a.text = Set(self.text.clone());
        a.goal = Set(self.goal);
        a.milestone_text = Set(self.milestone_text.clone());
        let f = &self.fields;
        a.field_first_name = Set(f.first_name.as_str().into());
        a.field_last_name = Set(f.last_name.as_str().into());
        a.field_phone = Set(f.phone.as_str().into());
        a.field_postal_code = Set(f.postal_code.as_str().into());
        a.field_country = Set(f.country.as_str().into());
        a.field_organisation = Set(f.organisation.as_str().into());
        let [c1, c2, c3] = &f.custom;
        a.field_custom1 = Set(c1.rule.as_str().into());
        a.custom1_label = Set(c1.label.clone());
        a.field_custom2 = Set(c2.rule.as_str().into());
        a.custom2_label = Set(c2.label.clone());
        a.field_custom3 = Set(c3.rule.as_str().into());
        a.custom3_label = Set(c3.label.clone());
        a.theme = Set(self.look.theme.clone());
        a.accent_color = Set(self.look.accent_color.clone());
        a.background_color = Set(self.look.background_color.clone());
        a.share_buttons = Set(self.sharing.buttons.join(","));
        a.social_title = Set(self.sharing.social_title.clone());
        a.social_description = Set(self.sharing.social_description.clone());
        a.reply_to = Set(self.mail.reply_to.clone());
        a.confirmation_text = Set(self.mail.confirmation_text.clone());
        a.newsletter_label = Set(self.mail.newsletter_label.clone());
    }

    /// The form values of every section, to fill the edit and wizard forms.
    pub fn to_posted(&self) -> Posted {
        let mut form = Posted::new();
        let mut put = |k: &str, v: String| {
            form.insert(k.to_string(), v);
        };
        put("title", self.title.clone());
        put("text", self.text.clone());
        put("goal", self.goal.to_string());
        put("milestone_text", self.milestone_text.clone());
        for (name, key) in OPTIONAL_FIELDS.into_iter().zip(RULE_KEYS) {
            put(key, self.fields.rule(name).as_str().into());
        }
        for (i, c) in self.fields.custom.iter().enumerate() {
            put(&format!("custom{}_label", i + 1), c.label.clone());
            put(&format!("field_custom{}", i + 1), c.rule.as_str().into());
        }
        put("theme", self.look.theme.clone());
        put("accent_color", self.look.accent_color.clone().unwrap_or_default());
        put("background_color", self.look.background_color.clone().unwrap_or_default());
        for b in &self.sharing.buttons {
            put(&format!("share_{b}"), "on".into());
        }
        put("social_title", self.sharing.social_title.clone().unwrap_or_default());
        put("social_description", self.sharing.social_description.clone().unwrap_or_default());
        put("reply_to", self.mail.reply_to.clone().unwrap_or_default());
        put("confirmation_text", self.mail.confirmation_text.clone());
        put("newsletter_label", self.mail.newsletter_label.clone());
        form
    }
}

/// One form's worth of settings. Each is checked on its own, with errors by field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Title and text.
    Text,
    /// Title and text of a template, which may leave them empty.
    TemplateText,
    /// The signature goal.
    Goal,
    Fields,
    Look,
    Sharing,
    Mail,
}

/// Checks `form`'s part of `section` and writes it into `content`; on any error nothing is written.
pub fn apply(content: &mut Content, section: Section, form: &Posted, themes: &[String]) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut next = content.clone();
    match section {
        Section::Text | Section::TemplateText => {
            next.title = posted(form, "title").to_string();
            next.text = form.get("text").map(|t| t.replace("\r\n", "\n")).unwrap_or_default();
            let min = usize::from(section == Section::Text);
            text_rule(&mut errors, "title", &next.title, min, MAX_TITLE);
            text_rule(&mut errors, "text", next.text.trim(), min, MAX_TEXT);
        }
        Section::Goal => {
            match posted(form, "goal") {
                "" => next.goal = 0,
                g => match g.parse::<i64>() {
                    Ok(n) if (0..=MAX_GOAL).contains(&n) => next.goal = n,
                    _ => {
                        errors.insert("goal", "error-goal-invalid");
                    }
                },
            }
            next.milestone_text = posted(form, "milestone_text").to_string();
            text_rule(&mut errors, "milestone_text", &next.milestone_text, 0, MAX_MILESTONE);
        }
        Section::Fields => {
            for (name, key) in OPTIONAL_FIELDS.into_iter().zip(RULE_KEYS) {
                match FieldRule::from_form(posted(form, key)) {
                    Some(rule) => next.fields.set(name, rule),
                    None => {
                        errors.insert(key, "error-choice-invalid");
                    }
                }
            }
            for (i, custom) in next.fields.custom.iter_mut().enumerate() {
                let (label_key, rule_key) = CUSTOM_KEYS[i];
                let label = posted(form, label_key).to_string();
                let rule = FieldRule::from_form(posted(form, rule_key));
                match rule {
                    None => {
                        errors.insert(rule_key, "error-choice-invalid");
                    }
                    Some(rule) if rule != FieldRule::Off && label.is_empty() => {
                        errors.insert(label_key, "error-custom-label-required");
                    }
                    Some(rule) => {
                        text_rule(&mut errors, label_key, &label, 0, MAX_LABEL);
                        *custom = CustomField { label, rule };
                    }
                }
            }
        }
        Section::Look => {
            let theme = posted(form, "theme");
            if themes.iter().any(|t| t == theme) {
                next.look.theme = theme.to_string();
            } else {
                errors.insert("theme", "error-choice-invalid");
            }
            let accent = colour(&mut errors, "accent_color", posted(form, "accent_color"));
            let background = colour(&mut errors, "background_color", posted(form, "background_color"));
            if errors.is_empty()
                && let Some(problem) = super::colour::problem(accent.as_deref(), background.as_deref())
            {
                // Shown next to the colour at fault: the background's own problem by the background.
                let field = if problem == "error-contrast-background" { "background_color" } else { "accent_color" };
                errors.insert(field, problem);
            }
            next.look.accent_color = accent;
            next.look.background_color = background;
        }
        Section::Sharing => {
            next.sharing.buttons = SHARE_BUTTONS
                .iter()
                .filter(|b| !posted(form, &format!("share_{b}")).is_empty())
                .map(|b| b.to_string())
                .collect();
            let title = posted(form, "social_title");
            let description = posted(form, "social_description");
            text_rule(&mut errors, "social_title", title, 0, 200);
            text_rule(&mut errors, "social_description", description, 0, 300);
            next.sharing.social_title = (!title.is_empty()).then(|| title.to_string());
            next.sharing.social_description = (!description.is_empty()).then(|| description.to_string());
        }
        Section::Mail => {
            let reply_to = posted(form, "reply_to");
            if !reply_to.is_empty() && (reply_to.len() > email::MAX_LEN || !email::is_valid(reply_to)) {
                errors.insert("reply_to", "error-email-invalid");
            }
            next.mail.reply_to = (!reply_to.is_empty()).then(|| reply_to.to_string());
            next.mail.confirmation_text =
                form.get("confirmation_text").map(|t| t.trim().replace("\r\n", "\n")).unwrap_or_default();
            if next.mail.confirmation_text.chars().count() > 2000 {
                errors.insert("confirmation_text", "error-too-long");
            }
            next.mail.newsletter_label = posted(form, "newsletter_label").to_string();
            text_rule(&mut errors, "newsletter_label", &next.mail.newsletter_label, 0, 200);
        }
    }
    if errors.is_empty() {
        *content = next;
        Ok(())
    } else {
        Err(errors)
    }
}

/// Several sections from one form (the edit page's "content" has the text and the goal), all
/// checked so that every error shows at once; nothing is written unless all pass.
pub fn apply_all(
    content: &mut Content,
    sections: &[Section],
    form: &Posted,
    themes: &[String],
) -> Result<(), FieldErrors> {
    let mut next = content.clone();
    let mut errors = FieldErrors::new();
    for section in sections {
        if let Err(e) = apply(&mut next, *section, form, themes) {
            errors.extend(e);
        }
    }
    if errors.is_empty() {
        *content = next;
        Ok(())
    } else {
        Err(errors)
    }
}

const CUSTOM_KEYS: [(&str, &str); 3] =
    [("custom1_label", "field_custom1"), ("custom2_label", "field_custom2"), ("custom3_label", "field_custom3")];

/// The form names of the standard fields' rules, in `OPTIONAL_FIELDS` order.
const RULE_KEYS: [&str; 6] =
    ["field_first_name", "field_last_name", "field_phone", "field_postal_code", "field_country", "field_organisation"];

fn text_rule(errors: &mut FieldErrors, field: &'static str, value: &str, min: usize, max: usize) {
    let n = value.chars().count();
    if n < min {
        errors.insert(field, "error-required");
    } else if n > max {
        errors.insert(field, "error-too-long");
    } else if field != "text" && value.chars().any(char::is_control) {
        errors.insert(field, "error-invalid-characters");
    }
}

/// `#rrggbb` (lower-cased), empty for "the theme's own", or an error.
fn colour(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    if super::colour::parse(value).is_some() {
        Some(value.to_ascii_lowercase())
    } else {
        errors.insert(field, "error-colour-invalid");
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Posted {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_section_with_an_error_changes_nothing() {
        let mut c = Content::default();
        let err = apply(&mut c, Section::Text, &form(&[("title", ""), ("text", "Hello")]), &[]).unwrap_err();
        assert_eq!(err.get("title"), Some(&"error-required"));
        assert_eq!(c, Content::default());
        apply(&mut c, Section::Text, &form(&[("title", "Trees"), ("text", "Hello")]), &[]).unwrap();
        assert_eq!(c.title, "Trees");
    }

    #[test]
    fn custom_fields_need_a_label_when_asked() {
        let mut c = Content::default();
        let mut f = Content::default().to_posted();
        f.insert("field_custom2".into(), "optional".into());
        let err = apply(&mut c, Section::Fields, &f, &[]).unwrap_err();
        assert_eq!(err.get("custom2_label"), Some(&"error-custom-label-required"));
        f.insert("custom2_label".into(), "Neighbourhood".into());
        apply(&mut c, Section::Fields, &f, &[]).unwrap();
        assert_eq!(c.fields.custom[1], CustomField { label: "Neighbourhood".into(), rule: FieldRule::Optional });
    }

    #[test]
    fn the_posted_form_of_content_reads_back_as_the_same_content() {
        let mut c = Content { title: "T".into(), text: "x".into(), goal: 12, ..Default::default() };
        c.fields.country = FieldRule::Required;
        c.sharing.buttons = vec!["mastodon".into()];
        c.mail.reply_to = Some("a@b.example".into());
        let themes = vec!["classic".to_string()];
        let mut back = Content::default();
        for s in [Section::Text, Section::Goal, Section::Fields, Section::Look, Section::Sharing, Section::Mail] {
            apply(&mut back, s, &c.to_posted(), &themes).unwrap();
        }
        assert_eq!(back, c);
    }
}
