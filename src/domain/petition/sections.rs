//! Checking one section of a petition's settings from its form: each section reads the field
//! names it owns and writes into `Content` only when all of them pass.
use super::content::{
    CUSTOM_KEYS, Content, CustomField, FieldRule, MAX_GOAL, MAX_LABEL, MAX_MILESTONE, MAX_TEXT, MAX_TITLE,
    OPTIONAL_FIELDS, Posted, RULE_KEYS, SHARE_BUTTONS,
};
use serde::Serialize;

use crate::domain::{FieldErrors, email};

fn posted<'a>(form: &'a Posted, name: &str) -> &'a str {
    form.get(name).map(|s| s.trim()).unwrap_or("")
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
                && let Some(problem) = crate::domain::colour::problem(accent.as_deref(), background.as_deref())
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
    if crate::domain::colour::parse(value).is_some() {
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
