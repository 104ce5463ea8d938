//! Fluent bundles loaded once from `locales/<lang>/*.ftl`, language negotiation, and the check that
//! keeps every locale complete. `en` is the reference every other locale is compared with.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
use unic_langid::LanguageIdentifier;

use crate::assets::{Assets, Folder};

pub const REFERENCE_LOCALE: &str = "en";
/// Locales that must always be complete (the check fails otherwise).
pub const REQUIRED_LOCALES: [&str; 2] = ["en", "fr"];

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: Fluent syntax errors: {errors}")]
    Syntax { path: PathBuf, errors: String },
    #[error("{path}: {errors}")]
    Bundle { path: PathBuf, errors: String },
    #[error("locale {0:?} is not a valid language tag")]
    BadLocale(String),
    #[error("no .ftl file found for locale {0:?}")]
    Empty(String),
}

struct Locale {
    code: String,
    id: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
}

/// All the messages of the instance, read-only after start-up.
pub struct I18n {
    locales: Vec<Locale>,
    default: usize,
}

impl I18n {
    /// The catalogs of a `locales/` folder on disk (the repository's, for checks and tests).
    pub fn load(dir: &Path, available: &[String], default: &str) -> Result<I18n, I18nError> {
        I18n::build(available, default, |code| ftl_files(&dir.join(code)))
    }

    /// The catalogs the binary carries, under the admin's override folder if any.
    pub fn from_assets(assets: &Assets, available: &[String], default: &str) -> Result<I18n, I18nError> {
        let all = assets
            .texts(Folder::Locales, &[".ftl"])
            .map_err(|e| I18nError::Io { path: "locales".into(), source: std::io::Error::other(e.to_string()) })?;
        I18n::build(available, default, |code| {
            let prefix = format!("{code}/");
            Ok(all
                .iter()
                .filter(|(name, _)| name.strip_prefix(&prefix).is_some_and(|rest| !rest.contains('/')))
                .map(|(name, text)| (PathBuf::from("locales").join(name), text.clone()))
                .collect())
        })
    }

    fn build(
        available: &[String],
        default: &str,
        files_of: impl Fn(&str) -> Result<Vec<(PathBuf, String)>, I18nError>,
    ) -> Result<I18n, I18nError> {
        let mut locales = Vec::new();
        for code in available {
            let id: LanguageIdentifier = code.parse().map_err(|_| I18nError::BadLocale(code.clone()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
            // Unicode isolation marks would land in HTML attributes and mail subjects.
            bundle.set_use_isolating(false);
            let files = files_of(code)?;
            if files.is_empty() {
                return Err(I18nError::Empty(code.clone()));
            }
            for (path, source) in files {
                let resource = FluentResource::try_new(source)
                    .map_err(|(_, errors)| I18nError::Syntax { path: path.clone(), errors: format!("{errors:?}") })?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| I18nError::Bundle { path: path.clone(), errors: format!("{errors:?}") })?;
            }
            locales.push(Locale { code: code.clone(), id, bundle });
        }
        let default = locales.iter().position(|l| l.code == default).unwrap_or(0);
        if locales.is_empty() {
            return Err(I18nError::Empty(default.to_string()));
        }
        Ok(I18n { locales, default })
    }

    pub fn default_locale(&self) -> &str {
        &self.locales[self.default].code
    }

    /// The available locale code for `code`, if it is one (`fr-CA` → `fr`).
    pub fn supported(&self, code: &str) -> Option<&str> {
        let requested: LanguageIdentifier = code.parse().ok()?;
        self.best(&[requested])
    }

    /// The best locale for an `Accept-Language` header, or the default.
    pub fn from_accept_language(&self, header: &str) -> &str {
        let requested = accepted_languages::parse(header);
        self.best(&requested).unwrap_or_else(|| self.default_locale())
    }

    fn best(&self, requested: &[LanguageIdentifier]) -> Option<&str> {
        let available: Vec<&LanguageIdentifier> = self.locales.iter().map(|l| &l.id).collect();
        let chosen = negotiate_languages(requested, &available, None, NegotiationStrategy::Lookup);
        let id = chosen.first()?;
        self.locales.iter().find(|l| &&l.id == *id).map(|l| l.code.as_str())
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.locales.iter().map(|l| l.code.as_str())
    }

    /// The message `key` in `lang`, falling back to the default locale; the key itself (and a
    /// warning) when no locale has it, so a missing translation never breaks a page.
    pub fn tr(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        let wanted = self.locales.iter().find(|l| l.code == lang);
        for locale in wanted.into_iter().chain(std::iter::once(&self.locales[self.default])) {
            if let Some(pattern) = locale.bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = locale.bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(key, lang = %locale.code, ?errors, "Fluent formatting error");
                }
                return text.into_owned();
            }
        }
        tracing::warn!(key, lang, "missing Fluent message");
        key.to_string()
    }

    /// Whether the default language has `key` (every language has the same keys; a test checks).
    pub fn has(&self, key: &str) -> bool {
        self.locales[self.default].bundle.has_message(key)
    }

    /// Shorthand for messages with simple named arguments.
    pub fn tr_args<'a>(
        &self,
        lang: &str,
        key: &str,
        args: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>,
    ) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(name, value);
        }
        self.tr(lang, key, Some(&fluent))
    }
}

fn ftl_files(dir: &Path) -> Result<Vec<(PathBuf, String)>, I18nError> {
    let io = |source| I18nError::Io { path: dir.to_path_buf(), source };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let source =
                std::fs::read_to_string(&path).map_err(|source| I18nError::Io { path: path.clone(), source })?;
            files.push((path, source));
        }
    }
    files.sort();
    Ok(files)
}

/// What `rustition i18n check` reports for one locale, compared with `en`.
#[derive(Debug, Default)]
pub struct LocaleReport {
    pub missing: BTreeSet<String>,
    pub extra: BTreeSet<String>,
}

/// The completeness of every locale folder against `en`, plus the `en` keys used nowhere in
/// `templates/` or `src/`.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub locales: BTreeMap<String, LocaleReport>,
    pub unused: BTreeSet<String>,
}

impl CheckReport {
    /// True when a required locale lacks a key (the check then exits non-zero).
    pub fn fails(&self) -> bool {
        REQUIRED_LOCALES.iter().any(|code| self.locales.get(*code).is_none_or(|report| !report.missing.is_empty()))
    }
}

/// Message ids defined in one locale folder.
fn message_ids(dir: &Path) -> Result<BTreeSet<String>, I18nError> {
    let mut ids = BTreeSet::new();
    for (path, source) in ftl_files(dir)? {
        let resource = fluent_syntax::parser::parse(source.as_str())
            .map_err(|(_, errors)| I18nError::Syntax { path: path.clone(), errors: format!("{errors:?}") })?;
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.insert(message.id.name.to_string());
            }
        }
    }
    Ok(ids)
}

/// Compares every locale under `locales_dir` with `en`; `sources` are folders whose text is
/// searched for uses of each key.
pub fn check(locales_dir: &Path, sources: &[PathBuf]) -> Result<CheckReport, I18nError> {
    let reference = message_ids(&locales_dir.join(REFERENCE_LOCALE))?;
    let mut report = CheckReport::default();
    let io = |source| I18nError::Io { path: locales_dir.to_path_buf(), source };
    let mut codes: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(locales_dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if entry.path().is_dir() {
            codes.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    for code in REQUIRED_LOCALES {
        if !codes.iter().any(|c| c == code) {
            report.locales.insert(code.to_string(), LocaleReport { missing: reference.clone(), ..Default::default() });
        }
    }
    for code in codes {
        let ids = message_ids(&locales_dir.join(&code))?;
        report.locales.insert(
            code,
            LocaleReport {
                missing: reference.difference(&ids).cloned().collect(),
                extra: ids.difference(&reference).cloned().collect(),
            },
        );
    }
    let mut corpus = String::new();
    for dir in sources {
        read_all_text(dir, &mut corpus);
    }
    report.unused = reference.into_iter().filter(|key| !is_used(&corpus, key)).collect();
    Ok(report)
}

/// A key counts as used when it appears quoted, or as the prefix of a key built at run time
/// (`"field-" ~ name`, `format!("error-{}", …)`) — those prefixes are listed in the sources.
fn is_used(corpus: &str, key: &str) -> bool {
    if corpus.contains(&format!("\"{key}\"")) || corpus.contains(&format!("'{key}'")) {
        return true;
    }
    // Keys built from a prefix: the prefix appears quoted and ends with '-'.
    let mut prefix = key;
    while let Some(pos) = prefix.rfind('-') {
        prefix = &prefix[..pos];
        if corpus.contains(&format!("\"{prefix}-\"")) {
            return true;
        }
    }
    false
}

fn read_all_text(dir: &Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            read_all_text(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push_str(&text);
            out.push('\n');
        }
    }
}
