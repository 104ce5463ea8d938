//! `rustition i18n check` and `stats`: every locale compared with English — completeness,
//! missing and extra keys, placeables that differ, syntax errors with file:line — and the keys
//! the templates ask for that English lacks or that nothing asks for.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;

use super::dynamic::{self, Values};
use super::{I18nError, REFERENCE_LOCALE, REQUIRED_LOCALES};
use crate::assets::{Assets, Folder};

/// One `.ftl` file: its locale folder, the name reports show, its text.
#[derive(Debug, Clone)]
pub struct FtlFile {
    pub locale: String,
    pub shown: String,
    pub text: String,
    /// Where the bytes stop being UTF-8, if they do (`text` is then a lossy copy).
    pub not_utf8: Option<usize>,
}

impl FtlFile {
    fn new(locale: &str, shown: String, bytes: &[u8]) -> FtlFile {
        let not_utf8 = std::str::from_utf8(bytes).err().map(|e| e.valid_up_to());
        let text = String::from_utf8_lossy(bytes).into_owned();
        FtlFile { locale: locale.to_string(), shown, text, not_utf8 }
    }
}

/// Every `<locale>/*.ftl` below `locales_dir`, sorted.
pub fn files_in_dir(locales_dir: &Path) -> Result<Vec<FtlFile>, I18nError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| I18nError::Io { path, source }
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(locales_dir).map_err(io(locales_dir))? {
        let dir = entry.map_err(io(locales_dir))?.path();
        let Some(code) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
        if !dir.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
            let path = entry.map_err(io(&dir))?.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "ftl") {
                let bytes = std::fs::read(&path).map_err(io(&path))?;
                files.push(FtlFile::new(&code, path.display().to_string(), &bytes));
            }
        }
    }
    files.sort_by(|a, b| a.shown.cmp(&b.shown));
    Ok(files)
}

/// The `.ftl` files the server loads: the admin's override folder's, and the binary's for the
/// rest (named "built in" in reports).
pub fn files_in_assets(assets: &Assets) -> Vec<FtlFile> {
    assets
        .files(Folder::Locales)
        .into_iter()
        .filter_map(|(name, bytes)| {
            let (code, file) = name.split_once('/')?;
            if file.contains('/') || !file.ends_with(".ftl") {
                return None;
            }
            let shown = match assets.override_path(Folder::Locales, &name) {
                Some(path) => path.display().to_string(),
                None => format!("locales/{name} (built in)"),
            };
            Some(FtlFile::new(code, shown, &bytes))
        })
        .collect()
}

/// A line the parser could not read (or a message defined twice), where a text editor finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
    }
}

/// Fluent's byte offsets as 1-based line and column (in characters).
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    // Counting the bytes that start a character counts characters, even mid-character.
    let column = before[start..].iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1;
    (line, column)
}

pub(super) fn syntax_errors(file: &FtlFile, errors: &[ParserError]) -> Vec<SyntaxError> {
    let mut out: Vec<SyntaxError> = errors
        .iter()
        .map(|e| {
            let (line, column) = line_column(&file.text, e.pos.start);
            SyntaxError { file: file.shown.clone(), line, column, message: e.kind.to_string() }
        })
        .collect();
    if let Some(offset) = file.not_utf8 {
        let (line, column) = line_column(&file.text, offset);
        let message = "not UTF-8 text".to_string();
        out.insert(0, SyntaxError { file: file.shown.clone(), line, column, message });
    }
    out
}

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
        if total == 0 { 100 } else { self.translated * 100 / total }
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
type Messages = BTreeMap<String, (String, BTreeMap<String, BTreeSet<String>>)>;

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
                    locale.placeables.push(PlaceableMismatch { key, at: at.clone(), reference: wanted, here: here.clone() });
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

/// Fills `undefined`, `unregistered` and `unused` from the templates, the code and the registry.
fn uses(report: &mut CheckReport, reference: &Messages, sources: &Sources) {
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
    let open: Vec<&str> =
        registry.iter().filter(|d| matches!(d.values, Values::Open(_))).map(|d| d.prefix).collect();
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
        let files = [
            file("en", "main.ftl", "a = A\nb = B\n"),
            file("fr", "main.ftl", "a = A\n# comment\nb = { $x\nc = C\n"),
        ];
        let report = check(&files, &Sources::default());
        let fr = &report.locales["fr"];
        assert_eq!(fr.errors.len(), 1, "{:?}", fr.errors);
        let error = fr.errors[0].to_string();
        assert!(error.starts_with("locales/fr/main.ftl:3:"), "{error}");
        assert!(fr.missing.contains("b"), "the broken message is missing, the others are read");
        assert!(report.fails());

        assert_eq!(line_column("ab\ncé\nxyz", 0), (1, 1));
        assert_eq!(line_column("ab\ncé\nxyz", 6), (2, 3), "columns count characters, not bytes");
        assert_eq!(line_column("ab\ncé\nxyz", 99), (3, 4));
    }

    #[test]
    fn a_message_defined_twice_is_an_error_naming_both_places() {
        let files = [file("en", "a.ftl", "x = 1\n"), file("en", "b.ftl", "\n\nx = 2\n")];
        let report = check(&files, &Sources::default());
        let errors: Vec<String> = report.locales["en"].errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors, ["locales/en/b.ftl:3:1: x is defined twice (first at locales/en/a.ftl:1); the first is used"]);
    }

    #[test]
    fn placeables_that_differ_from_english_are_reported_per_message_and_attribute() {
        let files = [
            file("en", "main.ftl", "a = Hi { $name }\nb = { $n -> [one] one\n *[other] { $n } of { $total } }\nc = C\n    .title = { $t }\n"),
            file("fr", "main.ftl", "a = Salut { $nom }\nb = { $n -> [one] une\n *[other] { $n } sur { $total } }\nc = C\n    .title = T\n"),
        ];
        let report = check(&files, &Sources::default());
        let found: Vec<(&str, Vec<&String>)> =
            report.locales["fr"].placeables.iter().map(|m| (m.key.as_str(), m.here.iter().collect())).collect();
        assert_eq!(found, [("a", vec![&"nom".to_string()]), ("c.title", vec![])]);
        assert_eq!(report.locales["fr"].placeables[0].at, "locales/fr/main.ftl:1");
        assert!(report.fails(), "fr is required");
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
            templates: vec![("page.html".into(), r#"{{ t(key="a-b") }}{{ t(key="nope") }}{{ t(key="odd-" ~ v) }}"#.into())],
            code: None,
        };
        let report = check(&files, &sources);
        assert!(report.undefined.contains("nope (page.html)"), "{:?}", report.undefined);
        assert!(report.unregistered.contains("\"odd-\" ~ … (page.html)"), "{:?}", report.unregistered);
        assert!(report.unused.is_none(), "no code, no verdict on unused keys");
    }
}
