//! Templates, translations and static files, embedded in the binary at build time so that
//! `rustition` serves a full instance from any directory. The folders of the repository stay
//! the source; an admin's `assets_dir` (own theme, own locale, changed wording) is searched
//! first, file by file, and whatever it lacks comes from the binary.
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "templates/"]
struct Templates;

#[derive(RustEmbed)]
#[folder = "locales/"]
#[include = "**/*.ftl"]
struct Locales;

#[derive(RustEmbed)]
#[folder = "static/"]
struct Static;

/// One of the three embedded folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    Templates,
    Locales,
    Static,
}

impl Folder {
    fn name(self) -> &'static str {
        match self {
            Folder::Templates => "templates",
            Folder::Locales => "locales",
            Folder::Static => "static",
        }
    }

    fn embedded(self, path: &str) -> Option<Cow<'static, [u8]>> {
        match self {
            Folder::Templates => Templates::get(path).map(|f| f.data),
            Folder::Locales => Locales::get(path).map(|f| f.data),
            Folder::Static => Static::get(path).map(|f| f.data),
        }
    }

    fn embedded_names(self) -> Vec<String> {
        let names: Box<dyn Iterator<Item = Cow<'static, str>>> = match self {
            Folder::Templates => Box::new(Templates::iter()),
            Folder::Locales => Box::new(Locales::iter()),
            Folder::Static => Box::new(Static::iter()),
        };
        names.map(|n| n.into_owned()).collect()
    }
}

/// The embedded files, with an optional folder over them.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    over: Option<PathBuf>,
}

impl Assets {
    /// `over`: a folder holding any of `templates/`, `locales/`, `static/`, searched first.
    pub fn new(over: Option<PathBuf>) -> Assets {
        Assets { over }
    }

    /// The file at `path` (slash-separated, relative to the folder), the override's first.
    /// A path that climbs out (`..`) or is absolute is not a file of ours.
    pub fn get(&self, folder: Folder, path: &str) -> Option<Cow<'static, [u8]>> {
        let relative = Path::new(path);
        if path.is_empty() || !relative.components().all(|c| matches!(c, Component::Normal(_))) {
            return None;
        }
        if let Some(over) = &self.over {
            let file = over.join(folder.name()).join(relative);
            if file.is_file() {
                if let Ok(bytes) = std::fs::read(&file) {
                    return Some(Cow::Owned(bytes));
                }
            }
        }
        folder.embedded(path)
    }

    /// The override folder's own file at `path`, when it has one (reports name it).
    pub fn override_path(&self, folder: Folder, path: &str) -> Option<PathBuf> {
        let file = self.over.as_ref()?.join(folder.name()).join(path);
        file.is_file().then_some(file)
    }

    /// Every file of `folder` by relative path, the override's replacing the binary's.
    pub fn files(&self, folder: Folder) -> BTreeMap<String, Cow<'static, [u8]>> {
        let mut files: BTreeMap<String, Cow<'static, [u8]>> =
            folder.embedded_names().into_iter().filter_map(|n| folder.embedded(&n).map(|d| (n, d))).collect();
        if let Some(over) = &self.over {
            let root = over.join(folder.name());
            for path in walk(&root) {
                let Ok(relative) = path.strip_prefix(&root) else { continue };
                let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                if let Ok(bytes) = std::fs::read(&path) {
                    files.insert(name, Cow::Owned(bytes));
                }
            }
        }
        files
    }

    /// The text files of `folder` whose names end with one of `endings`.
    pub fn texts(&self, folder: Folder, endings: &[&str]) -> Result<Vec<(String, String)>, AssetError> {
        self.files(folder)
            .into_iter()
            .filter(|(name, _)| endings.iter().any(|e| name.ends_with(e)))
            .map(|(name, bytes)| match String::from_utf8(bytes.into_owned()) {
                Ok(text) => Ok((name, text)),
                Err(_) => Err(AssetError::NotText(format!("{}/{name}", folder.name()))),
            })
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AssetError {
    #[error("{0} is not UTF-8 text")]
    NotText(String),
}

/// Every file below `dir` (none when it does not exist).
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.is_file() {
            out.push(path);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_binary_holds_every_folder_and_an_override_wins_file_by_file() {
        let plain = Assets::new(None);
        assert!(plain.get(Folder::Templates, "layout/base.html").is_some());
        assert!(plain.get(Folder::Locales, "en/public/frame.ftl").is_some());
        assert!(!plain.files(Folder::Static).is_empty());
        assert!(plain.get(Folder::Static, "../Cargo.toml").is_none());
        assert!(plain.get(Folder::Static, "/etc/passwd").is_none());

        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::create_dir_all(dir.path().join("templates/layout")).expect("folder");
        std::fs::write(dir.path().join("templates/layout/base.html"), "mine").expect("file");
        std::fs::write(dir.path().join("templates/extra.html"), "added").expect("file");
        let over = Assets::new(Some(dir.path().to_path_buf()));
        assert_eq!(over.get(Folder::Templates, "layout/base.html").as_deref(), Some(&b"mine"[..]));
        let files = over.files(Folder::Templates);
        assert_eq!(files.get("extra.html").map(|f| f.as_ref()), Some(&b"added"[..]));
        assert!(files.contains_key("layout/petition.html"), "what the folder lacks comes from the binary");
    }
}
