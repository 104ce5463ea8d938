//! `rustition i18n check` and `stats`: every locale compared with English — completeness,
//! missing and extra keys, placeables that differ, syntax errors with file:line — and the keys
//! the templates ask for that English lacks or that nothing asks for.
use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::files::{FtlFile, SyntaxError, syntax_errors};
use super::usage::{Sources, uses};
use super::{REFERENCE_LOCALE, REQUIRED_LOCALES};

/// A message (or `message.attribute`) whose `{ $variables }` are not English's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceableMismatch {
    pub key: String,
    /// Where the locale defines it (file:line).
    pub at: String,
    pub reference: BTreeSet<String>,
    pub here: BTreeSet<String>,
}

/// What `rustition i18n check` reports for one locale, compared with `en`.
#[derive(Debug, Default)]
pub struct LocaleReport {
    /// English messages this locale has.
    pub translated: usize,
    pub missing: BTreeSet<String>,
    pub extra: BTreeSet<String>,
    pub placeables: Vec<PlaceableMismatch>,
    pub errors: Vec<SyntaxError>,
    /// French only: an ordinary space where French typography wants a non-breaking one.
    pub typography: Vec<String>,
}

/// Every locale against `en`, and the keys the sources ask for.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Messages in English.
    pub total: usize,
    pub locales: BTreeMap<String, LocaleReport>,
    /// English keys nothing asks for; `None` when the Rust sources were not at hand.
    pub unused: Option<BTreeSet<String>>,
    /// Keys a template or the dynamic-key registry asks for that English lacks, with where.
    pub undefined: BTreeSet<String>,
    /// Keys built in a template from a prefix the registry does not know (`"x-" ~ value`),
    /// whose values the check therefore cannot verify.
    pub unregistered: BTreeSet<String>,
    /// Each locale's own name (its `language-name` message), for the stats table.
    pub names: BTreeMap<String, String>,
}

impl LocaleReport {
    /// Completeness in whole percent, rounded down (100 only when nothing is missing).
    pub fn percent(&self, total: usize) -> usize {
        (self.translated * 100).checked_div(total).unwrap_or(100)
    }
}

impl CheckReport {
    /// True when the check exits non-zero: a syntax error anywhere; en or fr incomplete or with
    /// placeables that differ; a key a page asks for that English lacks; an unverifiable prefix.
    pub fn fails(&self) -> bool {
        let required_broken = REQUIRED_LOCALES.iter().any(|code| {
            self.locales.get(*code).is_none_or(|report| !report.missing.is_empty() || !report.placeables.is_empty())
        });
        required_broken
            || self.locales.values().any(|l| !l.errors.is_empty())
            || !self.undefined.is_empty()
            || !self.unregistered.is_empty()
    }
}

/// One locale's messages: id → (file:line, variables by `""` for the value or the attribute).
pub(super) type Messages = BTreeMap<String, (String, BTreeMap<String, BTreeSet<String>>)>;

fn read_locale(files: &[&FtlFile]) -> (Messages, Vec<SyntaxError>) {
    let mut messages = Messages::new();
    let mut errors = Vec::new();
    for file in files {
        let (resource, parse_errors) = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, parse_errors)) => (resource, parse_errors),
        };
        errors.extend(syntax_errors(file, &parse_errors));
        let mut lines = Lines::new(&file.text);
        for entry in resource.body {
            let ast::Entry::Message(message) = entry else { continue };
            let line = lines.find(message.id.name);
            let at = format!("{}:{line}", file.shown);
            let mut vars = BTreeMap::new();
            if let Some(value) = &message.value {
                vars.insert(String::new(), variables(value));
            }
            for attribute in &message.attributes {
                vars.insert(attribute.id.name.to_string(), variables(&attribute.value));
            }
            if let Some((first, _)) = messages.get(message.id.name) {
                errors.push(SyntaxError {
                    file: file.shown.clone(),
                    line,
                    column: 1,
                    message: format!("{} is defined twice (first at {first}); the first is used", message.id.name),
                });
                continue;
            }
            messages.insert(message.id.name.to_string(), (at, vars));
        }
    }
    (messages, errors)
}

/// Finds, in order, the line each message starts on (the AST keeps no positions).
struct Lines<'a> {
    lines: Vec<&'a str>,
    next: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines { lines: text.lines().collect(), next: 0 }
    }

    fn find(&mut self, id: &str) -> usize {
        let starts = |line: &str| {
            line.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=') || rest.is_empty())
        };
        match (self.next..self.lines.len()).find(|i| starts(self.lines[*i])) {
            Some(i) => {
                self.next = i + 1;
                i + 1
            }
            None => self.next.max(1),
        }
    }
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    pattern_variables(pattern, &mut out);
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    let arguments = match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
            None
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
        ast::InlineExpression::TermReference { arguments, .. } => arguments.as_ref(),
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, out);
            None
        }
        _ => None,
    };
    for argument in arguments.into_iter().flat_map(|a| a.positional.iter().chain(a.named.iter().map(|n| &n.value))) {
        inline_variables(argument, out);
    }
}

/// Compares every locale of `files` with `en`, and `sources`' keys with English's.
pub fn check(files: &[FtlFile], sources: &Sources) -> CheckReport {
    let mut by_locale: BTreeMap<&str, Vec<&FtlFile>> = BTreeMap::new();
    for file in files {
        by_locale.entry(file.locale.as_str()).or_default().push(file);
    }
    let (reference, _) = read_locale(by_locale.get(REFERENCE_LOCALE).map(Vec::as_slice).unwrap_or_default());
    let mut report = CheckReport { total: reference.len(), ..Default::default() };
    for code in REQUIRED_LOCALES {
        if !by_locale.contains_key(code) {
            let missing = reference.keys().cloned().collect();
            report.locales.insert(code.to_string(), LocaleReport { missing, ..Default::default() });
        }
    }
    for (code, files) in &by_locale {
        let (messages, errors) = read_locale(files);
        let mut locale = LocaleReport { errors, ..Default::default() };
        if *code == "fr" || code.starts_with("fr-") {
            locale.typography = files.iter().flat_map(|f| french_typography(f)).collect();
        }
        for (key, (_, reference_vars)) in &reference {
            let Some((at, vars)) = messages.get(key) else {
                locale.missing.insert(key.clone());
                continue;
            };
            locale.translated += 1;
            for (part, here) in vars {
                let wanted = reference_vars.get(part).cloned().unwrap_or_default();
                if &wanted != here {
                    let key = if part.is_empty() { key.clone() } else { format!("{key}.{part}") };
                    locale.placeables.push(PlaceableMismatch {
                        key,
                        at: at.clone(),
                        reference: wanted,
                        here: here.clone(),
                    });
                }
            }
        }
        if let Some(name) = language_name(files) {
            report.names.insert(code.to_string(), name);
        }
        locale.extra = messages.keys().filter(|k| !reference.contains_key(*k)).cloned().collect();
        report.locales.insert(code.to_string(), locale);
    }
    uses(&mut report, &reference, sources);
    report
}

/// Lines where an ordinary space stands before `:` `;` `?` `!` or inside « guillemets »: French
/// wants a non-breaking space (U+00A0) there, or the mark ends up alone at the start of a line.
fn french_typography(file: &FtlFile) -> Vec<String> {
    const SPOTS: [(&str, &str); 6] = [(" :", ":"), (" ;", ";"), (" ?", "?"), (" !", "!"), ("« ", "«"), (" »", "»")];
    let mut out = Vec::new();
    for (i, line) in file.text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        // The text of `key = …` and `.attribute = …`; continuation lines are all text.
        let is_entry = trimmed.split_once('=').is_some_and(|(id, _)| {
            let id = id.trim_end().trim_start_matches('.');
            !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
        let text = if is_entry { trimmed.split_once('=').map_or(trimmed, |(_, t)| t) } else { line };
        for (spot, mark) in SPOTS {
            if text.contains(spot) {
                out.push(format!("{}:{}: an ordinary space by “{mark}” (French wants U+00A0)", file.shown, i + 1));
            }
        }
    }
    out
}

/// The plain text of the locale's `language-name` message.
fn language_name(files: &[&FtlFile]) -> Option<String> {
    files.iter().find_map(|file| {
        let resource = fluent_syntax::parser::parse(file.text.as_str()).unwrap_or_else(|(resource, _)| resource);
        resource.body.into_iter().find_map(|entry| match entry {
            ast::Entry::Message(m) if m.id.name == "language-name" => match m.value?.elements.as_slice() {
                [ast::PatternElement::TextElement { value }] => Some(value.trim().to_string()),
                _ => None,
            },
            _ => None,
        })
    })
}

/// `rustition i18n stats`: a Markdown table for the README, one row per locale, English first.
pub fn stats_table(report: &CheckReport) -> String {
    let mut rows: Vec<(&String, &LocaleReport)> = report.locales.iter().collect();
    rows.sort_by_key(|(code, locale)| (code.as_str() != REFERENCE_LOCALE, std::cmp::Reverse(locale.translated), *code));
    let mut out = String::from("| Language | Translated | Complete | Missing |\n|---|--:|--:|--:|\n");
    for (code, locale) in rows {
        let name = report.names.get(code).map_or_else(|| code.clone(), |name| format!("{name} (`{code}`)"));
        out.push_str(&format!(
            "| {name} | {} / {} | {} % | {} |\n",
            locale.translated,
            report.total,
            locale.percent(report.total),
            locale.missing.len()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(locale: &str, name: &str, text: &str) -> FtlFile {
        FtlFile::new(locale, format!("locales/{locale}/{name}"), text.as_bytes())
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_file_and_line() {
        let files =
            [file("en", "main.ftl", "a = A\nb = B\n"), file("fr", "main.ftl", "a = A\n# comment\nb = { $x\nc = C\n")];
        let report = check(&files, &Sources::default());
        let fr = &report.locales["fr"];
        assert_eq!(fr.errors.len(), 1, "{:?}", fr.errors);
        let error = fr.errors[0].to_string();
        assert_eq!(error, "locales/fr/main.ftl:3:1: Expected a token starting with \"}\" (at 4:1)");
        assert!(fr.missing.contains("b"), "the broken message is missing, the others are read");
        assert!(report.fails());
    }

    #[test]
    fn a_message_defined_twice_is_an_error_naming_both_places() {
        let files = [file("en", "a.ftl", "x = 1\n"), file("en", "b.ftl", "\n\nx = 2\n")];
        let report = check(&files, &Sources::default());
        let errors: Vec<String> = report.locales["en"].errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            ["locales/en/b.ftl:3:1: x is defined twice (first at locales/en/a.ftl:1); the first is used"]
        );
    }

    #[test]
    fn placeables_that_differ_from_english_are_reported_per_message_and_attribute() {
        let files = [
            file(
                "en",
                "main.ftl",
                "a = Hi { $name }\nb = { $n -> [one] one\n *[other] { $n } of { $total } }\nc = C\n    .title = { $t }\n",
            ),
            file(
                "fr",
                "main.ftl",
                "a = Salut { $nom }\nb = { $n -> [one] une\n *[other] { $n } sur { $total } }\nc = C\n    .title = T\n",
            ),
        ];
        let report = check(&files, &Sources::default());
        let found: Vec<(&str, Vec<&String>)> =
            report.locales["fr"].placeables.iter().map(|m| (m.key.as_str(), m.here.iter().collect())).collect();
        assert_eq!(found, [("a", vec![&"nom".to_string()]), ("c.title", vec![])]);
        assert_eq!(report.locales["fr"].placeables[0].at, "locales/fr/main.ftl:1");
        assert!(report.fails(), "fr is required");
    }

    #[test]
    fn french_typography_wants_non_breaking_spaces() {
        let text = "# Commentaire : libre\na = Objectif : { $n }\nb = Vraiment\u{a0}?\nc = Retour à « { $t }\u{a0}»\n    .title = Quoi ?\n";
        let found = french_typography(&file("fr", "main.ftl", text));
        assert_eq!(
            found,
            [
                "locales/fr/main.ftl:2: an ordinary space by “:” (French wants U+00A0)",
                "locales/fr/main.ftl:4: an ordinary space by “«” (French wants U+00A0)",
                "locales/fr/main.ftl:5: an ordinary space by “?” (French wants U+00A0)",
            ]
        );
    }

    #[test]
    fn completeness_counts_english_messages_and_rounds_down() {
        let en: String = (0..3).map(|i| format!("k{i} = {i}\n")).collect();
        let files = [
            file("en", "main.ftl", &en),
            file("fr", "main.ftl", &en),
            file("de", "main.ftl", "k0 = null\nk1 = eins\nlanguage-name = Deutsch\n"),
        ];
        let report = check(&files, &Sources::default());
        assert_eq!(report.total, 3);
        let de = &report.locales["de"];
        assert_eq!((de.translated, de.percent(3)), (2, 66));
        assert_eq!(de.missing.iter().collect::<Vec<_>>(), ["k2"]);
        assert_eq!(de.extra.iter().collect::<Vec<_>>(), ["language-name"]);
        assert!(!report.fails(), "a partial German is no failure");
        let table = stats_table(&report);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[2], "| en | 3 / 3 | 100 % | 0 |");
        assert_eq!(lines[4], "| Deutsch (`de`) | 2 / 3 | 66 % | 1 |");
    }
}
