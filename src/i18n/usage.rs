//! Which keys the templates and the code ask for: literal keys, keys built from a registered
//! prefix (`dynamic`), and, where the Rust sources are at hand, the English keys nothing asks for.
use std::collections::BTreeSet;
use std::path::Path;

use super::check::{CheckReport, Messages};
use super::dynamic::{self, Values};
use crate::assets::{Assets, Folder};

/// The texts searched for uses of keys.
#[derive(Debug, Default)]
pub struct Sources {
    /// Templates by name.
    pub templates: Vec<(String, String)>,
    /// The Rust sources; without them "unused" cannot be told (messages only code asks for).
    pub code: Option<Vec<(String, String)>>,
}

impl Sources {
    /// Every file below `templates` and, when given, below `code`.
    pub fn from_dirs(templates: &Path, code: Option<&Path>) -> Sources {
        Sources { templates: texts_below(templates), code: code.map(texts_below) }
    }

    /// The templates the server renders (the override's and the binary's), and `code` if given.
    pub fn from_assets(assets: &Assets, code: Option<&Path>) -> Sources {
        let templates = assets.texts(Folder::Templates, &[".html", ".txt"]).unwrap_or_default();
        Sources { templates, code: code.map(texts_below) }
    }
}

fn texts_below(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(texts_below(&path));
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push((path.display().to_string(), text));
        }
    }
    out
}

/// Fills `undefined`, `unregistered` and `unused` from the templates, the code and the registry.
pub(super) fn uses(report: &mut CheckReport, reference: &Messages, sources: &Sources) {
    if sources.templates.is_empty() && sources.code.is_none() {
        return;
    }
    let registry = dynamic::registry();
    for (name, text) in &sources.templates {
        for key in template_keys(text) {
            match key {
                TemplateKey::Literal(key) if !reference.contains_key(&key) => {
                    report.undefined.insert(format!("{key} ({name})"));
                }
                TemplateKey::Prefix(prefix) if !registry.iter().any(|d| d.prefix == prefix) => {
                    report.unregistered.insert(format!("\"{prefix}\" ~ … ({name})"));
                }
                _ => {}
            }
        }
    }
    let mut expansions = BTreeSet::new();
    for entry in &registry {
        match &entry.values {
            Values::Listed(values) => {
                for value in values {
                    let key = format!("{}{value}", entry.prefix);
                    if !reference.contains_key(&key) {
                        report.undefined.insert(format!("{key} (i18n::dynamic registry)"));
                    }
                    expansions.insert(key);
                }
            }
            Values::Open(_) => {}
        }
    }
    let Some(code) = &sources.code else { return };
    let mut corpus = String::new();
    for (_, text) in sources.templates.iter().chain(code) {
        corpus.push_str(text);
        corpus.push('\n');
    }
    let open: Vec<&str> = registry.iter().filter(|d| matches!(d.values, Values::Open(_))).map(|d| d.prefix).collect();
    let used = |key: &str| {
        corpus.contains(&format!("\"{key}\""))
            || corpus.contains(&format!("'{key}'"))
            || expansions.contains(key)
            || open.iter().any(|prefix| key.starts_with(prefix))
    };
    report.unused = Some(reference.keys().filter(|key| !used(key)).cloned().collect());
}

#[derive(Debug, PartialEq)]
enum TemplateKey {
    /// `t(key="a-b")`.
    Literal(String),
    /// `t(key="a-" ~ value)`: the literal start of a key built at render time.
    Prefix(String),
}

/// The keys `t()` calls name in a template; keys held in variables (`t(key=error)`) are left
/// to the runtime check (`I18n::faults`, asserted after every integration test).
fn template_keys(text: &str) -> Vec<TemplateKey> {
    let mut keys = Vec::new();
    for (at, _) in text.match_indices("t(key=") {
        // `get(key="…")` is a filter argument, not a message.
        if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = text[at + 6..].trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        let Some((literal, after)) = rest[1..].split_once(quote) else { continue };
        if after.trim_start().starts_with('~') {
            keys.push(TemplateKey::Prefix(literal.to_string()));
        } else {
            keys.push(TemplateKey::Literal(literal.to_string()));
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{FtlFile, check};

    fn file(locale: &str, name: &str, text: &str) -> FtlFile {
        FtlFile::new(locale, format!("locales/{locale}/{name}"), text.as_bytes())
    }

    #[test]
    fn templates_name_keys_literally_or_by_a_prefix() {
        let text = r#"{{ t(key="a-b") }} {{ t(key='c') }} {{ t(key="status-" ~ s) }} {{ form | get(key="x_" ~ y) }} {{ t(key=error) }}"#;
        assert_eq!(
            template_keys(text),
            [
                TemplateKey::Literal("a-b".into()),
                TemplateKey::Literal("c".into()),
                TemplateKey::Prefix("status-".into())
            ]
        );
        let files = [file("en", "main.ftl", "a-b = x\n")];
        let sources = Sources {
            templates: vec![(
                "page.html".into(),
                r#"{{ t(key="a-b") }}{{ t(key="nope") }}{{ t(key="odd-" ~ v) }}"#.into(),
            )],
            code: None,
        };
        let report = check(&files, &sources);
        assert!(report.undefined.contains("nope (page.html)"), "{:?}", report.undefined);
        assert!(report.unregistered.contains("\"odd-\" ~ … (page.html)"), "{:?}", report.unregistered);
        assert!(report.unused.is_none(), "no code, no verdict on unused keys");
    }
}
