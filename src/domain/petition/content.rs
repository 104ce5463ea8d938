//! What an organiser writes into a petition, section by section: its text, signer fields, look,
//! sharing and mail settings. The wizard, the edit pages and templates all read and write it
//! through these types, so a rule is checked in one place whichever page asks.

use sea_orm::Set;
use serde::{Deserialize, Serialize};

use crate::entities::petition;

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 50_000;
pub const MAX_GOAL: i64 = 1_000_000_000;
pub const MAX_MILESTONE: usize = 300;
/// The side text and the thank-you text: a few paragraphs, not a second petition.
pub const MAX_SIDE_TEXT: usize = 5_000;
pub const MAX_THANK_YOU_TEXT: usize = 5_000;
pub const MAX_LABEL: usize = 100;
pub const SHARE_BUTTONS: [&str; 4] = ["email", "mastodon", "diaspora", "link"];
/// The signer fields an organiser may switch on, in form order (email is always required).
pub const OPTIONAL_FIELDS: [&str; 6] = ["first_name", "last_name", "phone", "postal_code", "country", "organisation"];

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

    pub(super) fn from_form(s: &str) -> Option<FieldRule> {
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
    /// The page lists the names of signers who ticked the box for it (read from older
    /// templates, which lack it, as off).
    #[serde(default)]
    pub show_signer_names: bool,
}

impl SignerFields {
    /// Whether the sign form offers the public-names box: the organiser allows it and the
    /// form asks for a name to show.
    pub fn lists_names(&self) -> bool {
        self.show_signer_names && (self.first_name != FieldRule::Off || self.last_name != FieldRule::Off)
    }

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

    pub(super) fn set(&mut self, name: &str, rule: FieldRule) {
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
            show_signer_names: false,
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
    /// Markdown shown beside (or below) the main text; empty: nothing.
    pub side_text: String,
    /// Markdown shown on the thank-you page after signing; empty: nothing.
    pub thank_you_text: String,
    pub fields: SignerFields,
    pub look: Look,
    pub sharing: Sharing,
    pub mail: MailSettings,
    /// Days after closing before signers' personal data is erased; `None`: the instance's default.
    pub retention_days: Option<i32>,
}

impl Default for Content {
    fn default() -> Self {
        Content {
            title: String::new(),
            text: String::new(),
            goal: 0,
            milestone_text: String::new(),
            side_text: String::new(),
            thank_you_text: String::new(),
            fields: SignerFields::default(),
            look: Look { theme: "classic".into(), accent_color: None, background_color: None },
            sharing: Sharing {
                buttons: SHARE_BUTTONS.iter().map(|s| s.to_string()).collect(),
                social_title: None,
                social_description: None,
            },
            mail: MailSettings { reply_to: None, confirmation_text: String::new(), newsletter_label: String::new() },
            retention_days: None,
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
            side_text: p.side_text.clone(),
            thank_you_text: p.thank_you_text.clone(),
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
                show_signer_names: p.show_signer_names,
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
            retention_days: p.retention_days,
        }
    }

    /// Writes every setting into `a` (owner, status and counts are not content).
    pub fn write(&self, a: &mut petition::ActiveModel) {
        a.title = Set(self.title.clone());
        a.text = Set(self.text.clone());
        a.goal = Set(self.goal);
        a.milestone_text = Set(self.milestone_text.clone());
        a.side_text = Set(self.side_text.clone());
        a.thank_you_text = Set(self.thank_you_text.clone());
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
        a.show_signer_names = Set(f.show_signer_names);
        a.theme = Set(self.look.theme.clone());
        a.accent_color = Set(self.look.accent_color.clone());
        a.background_color = Set(self.look.background_color.clone());
        a.share_buttons = Set(self.sharing.buttons.join(","));
        a.social_title = Set(self.sharing.social_title.clone());
        a.social_description = Set(self.sharing.social_description.clone());
        a.reply_to = Set(self.mail.reply_to.clone());
        a.confirmation_text = Set(self.mail.confirmation_text.clone());
        a.newsletter_label = Set(self.mail.newsletter_label.clone());
        a.retention_days = Set(self.retention_days);
    }
}

/// The keys each custom field's label and rule are reported under (and forms name them by).
pub const CUSTOM_KEYS: [(&str, &str); 3] =
    [("custom1_label", "field_custom1"), ("custom2_label", "field_custom2"), ("custom3_label", "field_custom3")];

/// The keys the standard fields' rules are reported under (and forms name them by), in
/// `OPTIONAL_FIELDS` order.
pub const RULE_KEYS: [&str; 6] =
    ["field_first_name", "field_last_name", "field_phone", "field_postal_code", "field_country", "field_organisation"];

pub use super::sections::{Section, SectionEdit, SectionInput, apply};
