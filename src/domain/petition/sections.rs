//! Checking one section of a petition's settings: each section reads its part of a typed
//! `SectionInput` (which `web/` reads from its form) and writes into `Content` only when all of
//! it passes. Errors are keyed by the input's field names.
use super::content::{
    CUSTOM_KEYS, Content, CustomField, FieldRule, MAX_GOAL, MAX_LABEL, MAX_MILESTONE, MAX_SIDE_TEXT, MAX_TEXT,
    MAX_THANK_YOU_TEXT, MAX_TITLE, OPTIONAL_FIELDS, RULE_KEYS, SHARE_BUTTONS,
};
use serde::Serialize;

use crate::domain::instance::settings::RETENTION_DAYS;
use crate::domain::{FieldErrors, email};

/// What a section's form gave, before any check; each section reads its own part.
#[derive(Debug, Clone, Default)]
pub struct SectionInput {
    pub title: String,
    pub text: String,
    pub goal: String,
    pub milestone_text: String,
    pub side_text: String,
    pub thank_you_text: String,
    /// The rule chosen for each of `OPTIONAL_FIELDS`, in that order (errors under `RULE_KEYS`).
    pub rules: [String; 6],
    /// Label and rule of each custom field (errors under `CUSTOM_KEYS`).
    pub custom: [(String, String); 3],
    /// The organiser lets signers who agree have their name in the public list.
    pub show_signer_names: bool,
    pub theme: String,
    pub accent_color: String,
    pub background_color: String,
    /// The chosen `SHARE_BUTTONS`.
    pub share_buttons: Vec<String>,
    pub social_title: String,
    pub social_description: String,
    pub reply_to: String,
    pub confirmation_text: String,
    pub newsletter_label: String,
    /// Days of personal-data retention after closing; empty for the instance's default.
    pub retention_days: String,
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
    /// The side text and the thank-you text (the edit page's content section; the wizard and
    /// templates leave them out).
    Asides,
    Fields,
    Look,
    Sharing,
    Mail,
}

/// Checks `input`'s part of `section` and writes it into `content`; on any error nothing is written.
pub fn apply(
    content: &mut Content,
    section: Section,
    input: &SectionInput,
    themes: &[String],
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut next = content.clone();
    match section {
        Section::Text | Section::TemplateText => {
            next.title = input.title.trim().to_string();
            next.text = input.text.replace("\r\n", "\n");
            let min = usize::from(section == Section::Text);
            text_rule(&mut errors, "title", &next.title, min, MAX_TITLE);
            text_rule(&mut errors, "text", next.text.trim(), min, MAX_TEXT);
        }
        Section::Goal => {
            match input.goal.trim() {
                "" => next.goal = 0,
                g => match g.parse::<i64>() {
                    Ok(n) if (0..=MAX_GOAL).contains(&n) => next.goal = n,
                    _ => {
                        errors.insert("goal", "error-goal-invalid");
                    }
                },
            }
            next.milestone_text = input.milestone_text.trim().to_string();
            text_rule(&mut errors, "milestone_text", &next.milestone_text, 0, MAX_MILESTONE);
        }
        Section::Asides => {
            next.side_text = input.side_text.trim().replace("\r\n", "\n");
            next.thank_you_text = input.thank_you_text.trim().replace("\r\n", "\n");
            text_rule(&mut errors, "side_text", &next.side_text, 0, MAX_SIDE_TEXT);
            text_rule(&mut errors, "thank_you_text", &next.thank_you_text, 0, MAX_THANK_YOU_TEXT);
        }
        Section::Fields => {
            for ((name, key), chosen) in OPTIONAL_FIELDS.into_iter().zip(RULE_KEYS).zip(&input.rules) {
                match FieldRule::from_form(chosen.trim()) {
                    Some(rule) => next.fields.set(name, rule),
                    None => {
                        errors.insert(key, "error-choice-invalid");
                    }
                }
            }
            for (i, custom) in next.fields.custom.iter_mut().enumerate() {
                let (label_key, rule_key) = CUSTOM_KEYS[i];
                let (label, rule) = &input.custom[i];
                let label = label.trim().to_string();
                let rule = FieldRule::from_form(rule.trim());
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
            next.fields.show_signer_names = input.show_signer_names;
            match input.retention_days.trim() {
                "" => next.retention_days = None,
                d => match d.parse::<u32>().ok().filter(|d| RETENTION_DAYS.contains(d)).map(i32::try_from) {
                    Some(Ok(d)) => next.retention_days = Some(d),
                    _ => {
                        errors.insert("retention_days", "error-retention-days");
                    }
                },
            }
        }
        Section::Look => {
            let theme = input.theme.trim();
            if themes.iter().any(|t| t == theme) {
                next.look.theme = theme.to_string();
            } else {
                errors.insert("theme", "error-choice-invalid");
            }
            let accent = colour(&mut errors, "accent_color", input.accent_color.trim());
            let background = colour(&mut errors, "background_color", input.background_color.trim());
            if errors.is_empty()
                && let Some(problem) =
                    crate::domain::petition::colour::problem(accent.as_deref(), background.as_deref())
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
                .filter(|b| input.share_buttons.iter().any(|c| c == *b))
                .map(|b| b.to_string())
                .collect();
            let title = input.social_title.trim();
            let description = input.social_description.trim();
            text_rule(&mut errors, "social_title", title, 0, 200);
            text_rule(&mut errors, "social_description", description, 0, 300);
            next.sharing.social_title = (!title.is_empty()).then(|| title.to_string());
            next.sharing.social_description = (!description.is_empty()).then(|| description.to_string());
        }
        Section::Mail => {
            let reply_to = input.reply_to.trim();
            if !reply_to.is_empty() && (reply_to.len() > email::MAX_LEN || !email::is_valid(reply_to)) {
                errors.insert("reply_to", "error-email-invalid");
            }
            next.mail.reply_to = (!reply_to.is_empty()).then(|| reply_to.to_string());
            next.mail.confirmation_text = input.confirmation_text.trim().replace("\r\n", "\n");
            if next.mail.confirmation_text.chars().count() > 2000 {
                errors.insert("confirmation_text", "error-too-long");
            }
            next.mail.newsletter_label = input.newsletter_label.trim().to_string();
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

impl SectionInput {
    /// The input that would give `content` (what the forms show before anything is typed).
    pub fn of(content: &Content) -> SectionInput {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        SectionInput {
            title: content.title.clone(),
            text: content.text.clone(),
            goal: content.goal.to_string(),
            milestone_text: content.milestone_text.clone(),
            side_text: content.side_text.clone(),
            thank_you_text: content.thank_you_text.clone(),
            rules: OPTIONAL_FIELDS.map(|name| content.fields.rule(name).as_str().to_string()),
            custom: content.fields.custom.clone().map(|c| (c.label, c.rule.as_str().to_string())),
            show_signer_names: content.fields.show_signer_names,
            theme: content.look.theme.clone(),
            accent_color: opt(&content.look.accent_color),
            background_color: opt(&content.look.background_color),
            share_buttons: content.sharing.buttons.clone(),
            social_title: opt(&content.sharing.social_title),
            social_description: opt(&content.sharing.social_description),
            reply_to: opt(&content.mail.reply_to),
            confirmation_text: content.mail.confirmation_text.clone(),
            newsletter_label: content.mail.newsletter_label.clone(),
            retention_days: content.retention_days.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// One edit form: the sections it holds (the edit page's "content" has the text and the goal),
/// what was typed, and the themes there are to choose from.
#[derive(Debug)]
pub struct SectionEdit<'a> {
    pub sections: &'a [Section],
    pub input: SectionInput,
    pub themes: &'a [String],
}

impl SectionEdit<'_> {
    /// Applies every section, all checked so that every error shows at once; `content` is left
    /// as it was unless all pass.
    pub fn apply_to(&self, content: &mut Content) -> Result<(), FieldErrors> {
        let mut next = content.clone();
        let mut errors = FieldErrors::new();
        for section in self.sections {
            if let Err(e) = apply(&mut next, *section, &self.input, self.themes) {
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
}

/// The fields written in Markdown, whose line breaks are no stray control characters.
const MARKDOWN: [&str; 3] = ["text", "side_text", "thank_you_text"];

fn text_rule(errors: &mut FieldErrors, field: &'static str, value: &str, min: usize, max: usize) {
    let n = value.chars().count();
    if n < min {
        errors.insert(field, "error-required");
    } else if n > max {
        errors.insert(field, "error-too-long");
    } else if !MARKDOWN.contains(&field) && value.chars().any(char::is_control) {
        errors.insert(field, "error-invalid-characters");
    }
}

/// `#rrggbb` (lower-cased), empty for "the theme's own", or an error.
fn colour(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    if crate::domain::petition::colour::parse(value).is_some() {
        Some(value.to_ascii_lowercase())
    } else {
        errors.insert(field, "error-colour-invalid");
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(title: &str, text: &str) -> SectionInput {
        SectionInput { title: title.into(), text: text.into(), ..Default::default() }
    }

    #[test]
    fn a_section_with_an_error_changes_nothing() {
        let mut c = Content::default();
        let err = apply(&mut c, Section::Text, &text("", "Hello"), &[]).unwrap_err();
        assert_eq!(err.get("title"), Some(&"error-required"));
        assert_eq!(c, Content::default());
        apply(&mut c, Section::Text, &text("Trees", "Hello"), &[]).unwrap();
        assert_eq!(c.title, "Trees");
    }

    #[test]
    fn custom_fields_need_a_label_when_asked() {
        let mut c = Content::default();
        let mut f = SectionInput::of(&Content::default());
        f.custom[1].1 = "optional".into();
        let err = apply(&mut c, Section::Fields, &f, &[]).unwrap_err();
        assert_eq!(err.get("custom2_label"), Some(&"error-custom-label-required"));
        f.custom[1].0 = "Neighbourhood".into();
        apply(&mut c, Section::Fields, &f, &[]).unwrap();
        assert_eq!(c.fields.custom[1], CustomField { label: "Neighbourhood".into(), rule: FieldRule::Optional });
    }

    #[test]
    fn a_petition_retention_is_empty_for_the_default_or_within_bounds() {
        let mut c = Content::default();
        let mut f = SectionInput::of(&c);
        for bad in ["0", "3651", "-3", "ten", "1.5"] {
            f.retention_days = bad.into();
            let err = apply(&mut c, Section::Fields, &f, &[]).unwrap_err();
            assert_eq!(err.get("retention_days"), Some(&"error-retention-days"), "{bad}");
        }
        f.retention_days = " 30 ".into();
        apply(&mut c, Section::Fields, &f, &[]).unwrap();
        assert_eq!(c.retention_days, Some(30));
        f.retention_days = String::new();
        apply(&mut c, Section::Fields, &f, &[]).unwrap();
        assert_eq!(c.retention_days, None);
    }

    #[test]
    fn the_input_of_content_reads_back_as_the_same_content() {
        let mut c = Content { title: "T".into(), text: "x".into(), goal: 12, ..Default::default() };
        c.fields.country = FieldRule::Required;
        c.fields.show_signer_names = true;
        c.sharing.buttons = vec!["mastodon".into()];
        c.mail.reply_to = Some("a@b.example".into());
        c.retention_days = Some(365);
        let themes = vec!["classic".to_string()];
        let mut back = Content::default();
        c.side_text = "Why it matters".into();
        c.thank_you_text = "Thank you!".into();
        for s in [
            Section::Text,
            Section::Goal,
            Section::Asides,
            Section::Fields,
            Section::Look,
            Section::Sharing,
            Section::Mail,
        ] {
            apply(&mut back, s, &SectionInput::of(&c), &themes).unwrap();
        }
        assert_eq!(back, c);
    }
}
