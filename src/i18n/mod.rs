//! Fluent bundles loaded once from `locales/<lang>/*.ftl`, language negotiation, and the lookup
//! that falls back, message by message, to English. `en` is the reference every other locale is
//! compared with (`check`), and the catalog a partial locale borrows from.
//!
//! A broken `.ftl` file never stops the instance: its syntax errors are logged with file:line,
//! the entries that parsed are used, and the rest falls back to English like any missing key.
//! `rustition i18n check` reports the same errors and fails on them.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
use unic_langid::LanguageIdentifier;

use crate::assets::Assets;

mod check;
pub mod dynamic;
mod files;
pub mod format;
mod usage;

pub use check::{CheckReport, LocaleReport, PlaceableMismatch, check, stats_table};
pub use files::{FtlFile, SyntaxError, files_in_assets, files_in_dir};
pub use usage::Sources;

pub const REFERENCE_LOCALE: &str = "en";
/// Locales that must always be complete (the check fails otherwise).
pub const REQUIRED_LOCALES: [&str; 2] = ["en", "fr"];
/// Distinct faults remembered (`I18n::faults`); a visitor who can make pages ask for keys (the
/// flash cookie is theirs) must not grow the set without end.
const MAX_FAULTS: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("locale {0:?} is not a valid language tag")]
    BadLocale(String),
    #[error("no .ftl file found for locale {0:?}")]
    Empty(String),
}

struct Locale {
    code: String,
    id: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    /// How it writes a number standing alone (`number`), read once from CLDR.
    digits: format::Digits,
    /// False for English loaded only as the fallback of an instance that does not offer it.
    offered: bool,
}

/// All the messages of the instance, read-only after start-up.
pub struct I18n {
    locales: Vec<Locale>,
    default: usize,
    /// English, where a locale's missing messages are looked up (the default when absent).
    reference: usize,
    /// Keys shown raw and messages that failed to format, since start-up: the test harness
    /// asserts none after every test, so a page that shows a key raw fails the suite.
    faults: Mutex<BTreeSet<String>>,
}

impl I18n {
    /// The catalogs of a `locales/` folder on disk (the repository's, for checks and tests).
    pub fn load(dir: &Path, available: &[String], default: &str) -> Result<I18n, I18nError> {
        let files = files_in_dir(dir)?;
        I18n::build(available, default, &files)
    }

    /// The catalogs the binary carries, under the admin's override folder if any.
    pub fn from_assets(assets: &Assets, available: &[String], default: &str) -> Result<I18n, I18nError> {
        I18n::build(available, default, &files_in_assets(assets))
    }

    fn build(available: &[String], default: &str, files: &[FtlFile]) -> Result<I18n, I18nError> {
        let mut codes: Vec<(&str, bool)> = available.iter().map(|c| (c.as_str(), true)).collect();
        if !available.iter().any(|c| c == REFERENCE_LOCALE) && files.iter().any(|f| f.locale == REFERENCE_LOCALE) {
            codes.push((REFERENCE_LOCALE, false));
        }
        let mut locales = Vec::new();
        for (code, offered) in codes {
            let id: LanguageIdentifier = code.parse().map_err(|_| I18nError::BadLocale(code.to_string()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
            // Unicode isolation marks would land in HTML attributes and mail subjects.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format::fluent_formatter));
            let mut any = false;
            for file in files.iter().filter(|f| f.locale == code) {
                any = true;
                let (resource, errors) = match FluentResource::try_new(file.text.clone()) {
                    Ok(resource) => (resource, Vec::new()),
                    Err((resource, errors)) => (resource, errors),
                };
                for error in files::syntax_errors(file, &errors) {
                    tracing::error!("{error} (the messages that parsed are used, English for the rest)");
                }
                // Entries defined twice: the first wins, each repeat is logged.
                if let Err(errors) = bundle.add_resource(resource) {
                    for error in errors {
                        tracing::error!("{}: {error} (the first definition is used)", file.shown);
                    }
                }
            }
            if !any {
                return Err(I18nError::Empty(code.to_string()));
            }
            let digits = format::Digits::of(&id);
            locales.push(Locale { code: code.to_string(), id, bundle, digits, offered });
        }
        if locales.is_empty() {
            return Err(I18nError::Empty(default.to_string()));
        }
        let default = locales.iter().position(|l| l.code == default).unwrap_or(0);
        let reference = locales.iter().position(|l| l.code == REFERENCE_LOCALE).unwrap_or(default);
        Ok(I18n { locales, default, reference, faults: Mutex::new(BTreeSet::new()) })
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
        let available: Vec<&LanguageIdentifier> = self.locales.iter().filter(|l| l.offered).map(|l| &l.id).collect();
        let chosen = negotiate_languages(requested, &available, None, NegotiationStrategy::Lookup);
        let id = chosen.first()?;
        self.locales.iter().find(|l| l.offered && &&l.id == *id).map(|l| l.code.as_str())
    }

    /// The locales visitors may choose.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.locales.iter().filter(|l| l.offered).map(|l| l.code.as_str())
    }

    /// Where `key` is looked up for `lang`: that locale, then English, then the default.
    fn chain(&self, lang: &str) -> impl Iterator<Item = &Locale> {
        // No allocation: this runs for every message of every page.
        let wanted = self.locales.iter().position(|l| l.code == lang);
        let (reference, default) = (self.reference, self.default);
        let reference = Some(reference).filter(|r| wanted != Some(*r));
        let default = Some(default).filter(|d| wanted != Some(*d) && reference != Some(*d));
        [wanted, reference, default].into_iter().flatten().map(|i| &self.locales[i])
    }

    /// The message `key` in `lang`, else in English, else in the default locale; the key itself
    /// (logged, and remembered in `faults`) when none has it, so a missing message never breaks
    /// a page.
    pub fn tr(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        for locale in self.chain(lang) {
            if let Some(pattern) = locale.bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = locale.bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(key, lang = %locale.code, ?errors, "Fluent formatting error");
                    let described: Vec<String> = errors.iter().map(ToString::to_string).collect();
                    self.fault(format!("{key} ({}): {}", locale.code, described.join("; ")));
                }
                return text.into_owned();
            }
        }
        tracing::warn!(key, lang, "missing Fluent message");
        self.fault(format!("{key}: no such message"));
        key.to_string()
    }

    fn fault(&self, fault: String) {
        let mut faults = self.faults.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if faults.len() < MAX_FAULTS {
            faults.insert(fault);
        }
    }

    /// Every key shown raw and every message that failed to format since start-up (at most
    /// `MAX_FAULTS`): empty on a healthy instance.
    pub fn faults(&self) -> Vec<String> {
        self.faults.lock().unwrap_or_else(std::sync::PoisonError::into_inner).iter().cloned().collect()
    }

    /// `faults`, forgotten: a test that makes one on purpose takes it.
    pub fn take_faults(&self) -> Vec<String> {
        std::mem::take(&mut *self.faults.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
            .into_iter()
            .collect()
    }

    /// Whether `key` has a message to fall back on (English, or the default locale).
    pub fn has(&self, key: &str) -> bool {
        self.locales[self.reference].bundle.has_message(key) || self.locales[self.default].bundle.has_message(key)
    }

    /// `at` as `lang` writes a date (or a date and time), in the order its `format-…` message
    /// gives and with its month names.
    pub fn date(&self, lang: &str, at: chrono::DateTime<chrono::Utc>, style: format::Style) -> String {
        format::write_date(at, &self.tr(lang, style.message(), None), lang)
    }

    /// Plain digits ("-1234.5") grouped and pointed as `lang` writes numbers.
    pub fn number(&self, lang: &str, digits: &str) -> String {
        let locale = self.locales.iter().find(|l| l.code == lang).unwrap_or(&self.locales[self.default]);
        locale.digits.write(digits)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<FtlFile> {
        list.iter()
            .map(|(code, text)| FtlFile {
                locale: code.to_string(),
                shown: format!("locales/{code}/main.ftl"),
                text: text.to_string(),
                not_utf8: None,
            })
            .collect()
    }

    #[test]
    fn a_partial_and_broken_locale_borrows_english_message_by_message() {
        let files = files(&[
            ("en", "a = A\nb = B { $n }\nc = C\nd = D\n"),
            ("fr", "a = Fr-A\nb = Fr-B { $n }\nc = Fr-C\nd = Fr-D\n"),
            ("de", "a = De-A\nb = De-B { $n\nc = De-C\n"),
        ]);
        // An instance in French and German: English is loaded to fall back on, not offered.
        let i18n = I18n::build(&["fr".into(), "de".into()], "fr", &files).expect("a broken file loads");
        assert_eq!(i18n.codes().collect::<Vec<_>>(), ["fr", "de"]);
        assert_eq!(i18n.supported("en"), None);
        assert_eq!(i18n.tr("de", "a", None), "De-A");
        assert_eq!(i18n.tr_args("de", "b", [("n", FluentValue::from(2))]), "B 2", "the broken message, in English");
        assert_eq!(i18n.tr("de", "c", None), "De-C", "the message after the broken one is read");
        assert_eq!(i18n.tr("de", "d", None), "D", "a missing one, in English, not in the default French");
        assert_eq!(i18n.tr("fr", "d", None), "Fr-D");
        assert!(i18n.take_faults().is_empty());

        assert_eq!(i18n.tr("de", "nope", None), "nope");
        assert_eq!(i18n.tr("fr", "b", None), "Fr-B {$n}");
        assert_eq!(i18n.take_faults(), ["b (fr): Resolver error: Unknown variable: $n", "nope: no such message"]);
        assert!(i18n.faults().is_empty(), "taken");
    }
}
