//! The `.ftl` files of a folder or of the binary, and their syntax errors as file:line:column.
use std::fmt;
use std::path::Path;

use fluent_syntax::parser::ParserError;

use super::I18nError;
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
    pub(super) fn new(locale: &str, shown: String, bytes: &[u8]) -> FtlFile {
        let not_utf8 = std::str::from_utf8(bytes).err().map(|e| e.valid_up_to());
        let text = String::from_utf8_lossy(bytes).into_owned();
        FtlFile { locale: locale.to_string(), shown, text, not_utf8 }
    }
}

/// How deep below `locales/<lang>/` `.ftl` files are read: `<lang>/<area>/<file>.ftl` needs one
/// folder, a few more leave translators room; a bound keeps a link loop from reading forever.
pub const MAX_DEPTH: usize = 4;

/// Every `<locale>/**/*.ftl` below `locales_dir` (folders at most `MAX_DEPTH` deep), sorted.
pub fn files_in_dir(locales_dir: &Path) -> Result<Vec<FtlFile>, I18nError> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(locales_dir).map_err(io(locales_dir))? {
        let dir = entry.map_err(io(locales_dir))?.path();
        let Some(code) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
        if dir.is_dir() {
            read_ftl_below(&code, &dir, 0, &mut files)?;
        }
    }
    files.sort_by(|a, b| a.shown.cmp(&b.shown));
    Ok(files)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> I18nError {
    let path = path.to_path_buf();
    move |source| I18nError::Io { path, source }
}

fn read_ftl_below(code: &str, dir: &Path, depth: usize, files: &mut Vec<FtlFile>) -> Result<(), I18nError> {
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if path.is_dir() {
            if depth < MAX_DEPTH {
                read_ftl_below(code, &path, depth + 1, files)?;
            }
        } else if path.is_file() && path.extension().is_some_and(|e| e == "ftl") {
            let bytes = std::fs::read(&path).map_err(io(&path))?;
            files.push(FtlFile::new(code, path.display().to_string(), &bytes));
        }
    }
    Ok(())
}

/// The `.ftl` files the server loads, flat or in area folders (`en/public/petition.ftl`): the
/// admin's override folder's, and the binary's for the rest (named "built in" in reports).
pub fn files_in_assets(assets: &Assets) -> Vec<FtlFile> {
    assets
        .files(Folder::Locales)
        .into_iter()
        .filter_map(|(name, bytes)| {
            let (code, file) = name.split_once('/')?;
            if file.matches('/').count() > MAX_DEPTH || !file.ends_with(".ftl") {
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
            // The line of the broken entry (the slice the parser skips), where the translator
            // looks; the point where the parser gave up is said in the message when elsewhere.
            let (line, column) = line_column(&file.text, e.slice.as_ref().unwrap_or(&e.pos).start);
            let (at_line, at_column) = line_column(&file.text, e.pos.start);
            let mut message = e.kind.to_string();
            if (at_line, at_column) != (line, column) {
                message.push_str(&format!(" (at {at_line}:{at_column})"));
            }
            SyntaxError { file: file.shown.clone(), line, column, message }
        })
        .collect();
    if let Some(offset) = file.not_utf8 {
        let (line, column) = line_column(&file.text, offset);
        let message = "not UTF-8 text".to_string();
        out.insert(0, SyntaxError { file: file.shown.clone(), line, column, message });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns_in_characters() {
        assert_eq!(line_column("ab\ncé\nxyz", 0), (1, 1));
        assert_eq!(line_column("ab\ncé\nxyz", 6), (2, 3), "columns count characters, not bytes");
        assert_eq!(line_column("ab\ncé\nxyz", 99), (3, 4));
        let file = FtlFile::new("fr", "f.ftl".into(), b"a = A\nb = \xff\n");
        let errors: Vec<String> = syntax_errors(&file, &[]).iter().map(ToString::to_string).collect();
        assert_eq!(errors, ["f.ftl:2:5: not UTF-8 text"]);
    }

    #[test]
    fn flat_files_and_area_folders_are_read_down_to_the_bound() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut deep = dir.path().join("de/public");
        std::fs::create_dir_all(&deep).expect("folder");
        std::fs::write(dir.path().join("de/flat.ftl"), "a = A\n").expect("file");
        std::fs::write(deep.join("petition.ftl"), "b = B\n").expect("file");
        std::fs::write(deep.join("notes.txt"), "not a catalog").expect("file");
        for level in 1..=MAX_DEPTH {
            deep = deep.join(format!("d{level}"));
        }
        std::fs::create_dir_all(&deep).expect("folder");
        std::fs::write(deep.join("too-deep.ftl"), "c = C\n").expect("file");
        let files = files_in_dir(dir.path()).expect("read");
        let found: Vec<(&str, &str)> = files.iter().map(|f| (f.locale.as_str(), f.text.as_str())).collect();
        assert_eq!(found, [("de", "a = A\n"), ("de", "b = B\n")]);

        let built_in: Vec<String> = files_in_assets(&Assets::new(None)).into_iter().map(|f| f.shown).collect();
        assert!(built_in.contains(&"locales/fr/public/petition.ftl (built in)".to_string()), "{built_in:?}");
    }
}
