//! The dashboard's section forms as posted (field name → value), read into the domain's typed
//! `SectionInput` and written back from it to fill a form. The HTML names live here; the
//! domain reports errors under the same names (`RULE_KEYS`, `CUSTOM_KEYS`, the input's fields).
use std::collections::BTreeMap;

use crate::domain::petition::content::{CUSTOM_KEYS, RULE_KEYS, SHARE_BUTTONS, Section, SectionEdit, SectionInput};

/// What a form posted: field name → value.
pub type Posted = BTreeMap<String, String>;

fn get(form: &Posted, name: &str) -> String {
    form.get(name).cloned().unwrap_or_default()
}

/// The settings a section form carries (each section reads its own part).
/// An edit of `sections` from the posted form.
pub fn edit<'a>(form: &Posted, sections: &'a [Section], themes: &'a [String]) -> SectionEdit<'a> {
    SectionEdit { sections, input: input(form), themes }
}

pub fn input(form: &Posted) -> SectionInput {
    // A colour input always posts a colour: `colours=theme` (the look form's radio) drops them.
    let own_colours = form.get("colours").is_none_or(|c| c != "theme");
    let colour = |name: &str| if own_colours { get(form, name) } else { String::new() };
    SectionInput {
        title: get(form, "title"),
        text: get(form, "text"),
        goal: get(form, "goal"),
        milestone_text: get(form, "milestone_text"),
        side_text: get(form, "side_text"),
        thank_you_text: get(form, "thank_you_text"),
        rules: RULE_KEYS.map(|key| get(form, key)),
        custom: CUSTOM_KEYS.map(|(label, rule)| (get(form, label), get(form, rule))),
        show_signer_names: !get(form, "show_signer_names").trim().is_empty(),
        theme: get(form, "theme"),
        accent_color: colour("accent_color"),
        background_color: colour("background_color"),
        share_buttons: SHARE_BUTTONS
            .iter()
            .filter(|b| !get(form, &format!("share_{b}")).trim().is_empty())
            .map(|b| b.to_string())
            .collect(),
        social_title: get(form, "social_title"),
        social_description: get(form, "social_description"),
        reply_to: get(form, "reply_to"),
        confirmation_text: get(form, "confirmation_text"),
        newsletter_label: get(form, "newsletter_label"),
        retention_days: get(form, "retention_days"),
    }
}

/// The form values that show `input` (checkboxes `on` when chosen).
pub fn posted(input: &SectionInput) -> Posted {
    let mut form = Posted::new();
    let mut put = |k: &str, v: &str| {
        form.insert(k.to_string(), v.to_string());
    };
    put("title", &input.title);
    put("text", &input.text);
    put("goal", &input.goal);
    put("milestone_text", &input.milestone_text);
    put("side_text", &input.side_text);
    put("thank_you_text", &input.thank_you_text);
    for (key, rule) in RULE_KEYS.iter().zip(&input.rules) {
        put(key, rule);
    }
    for ((label_key, rule_key), (label, rule)) in CUSTOM_KEYS.iter().zip(&input.custom) {
        put(label_key, label);
        put(rule_key, rule);
    }
    if input.show_signer_names {
        put("show_signer_names", "on");
    }
    put("theme", &input.theme);
    put("accent_color", &input.accent_color);
    put("background_color", &input.background_color);
    let own = !input.accent_color.is_empty() || !input.background_color.is_empty();
    put("colours", if own { "own" } else { "theme" });
    for b in &input.share_buttons {
        put(&format!("share_{b}"), "on");
    }
    put("social_title", &input.social_title);
    put("social_description", &input.social_description);
    put("reply_to", &input.reply_to);
    put("confirmation_text", &input.confirmation_text);
    put("newsletter_label", &input.newsletter_label);
    put("retention_days", &input.retention_days);
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::petition::content::{Content, FieldRule};

    #[test]
    fn a_form_reads_back_as_the_input_that_filled_it() {
        let mut c = Content { title: "T".into(), text: "x".into(), goal: 12, ..Default::default() };
        c.fields.country = FieldRule::Required;
        c.fields.show_signer_names = true;
        c.sharing.buttons = vec!["mastodon".into()];
        c.mail.reply_to = Some("a@b.example".into());
        c.retention_days = Some(30);
        let shown = SectionInput::of(&c);
        let back = input(&posted(&shown));
        assert_eq!(SectionInput::of(&c).rules, back.rules);
        assert_eq!(format!("{shown:?}"), format!("{back:?}"));
    }

    #[test]
    fn the_themes_colours_drop_what_the_colour_inputs_post() {
        let mut form = Posted::from([("accent_color".to_string(), "#123456".to_string())]);
        assert_eq!(input(&form).accent_color, "#123456", "without the radio, as posted");
        form.insert("colours".into(), "own".into());
        assert_eq!(input(&form).accent_color, "#123456");
        form.insert("colours".into(), "theme".into());
        assert_eq!(input(&form).accent_color, "", "the theme's colours");
        assert_eq!(posted(&input(&form)).get("colours").map(String::as_str), Some("theme"));
    }
}
