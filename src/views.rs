//! Tera templates, compiled once at start-up, with `t()` for Fluent messages.
//!
//! `t(key="…", name=value…)` reads the page's language from the `lang` variable every context
//! carries, so templates never repeat it.
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

use crate::i18n::I18n;

pub struct Views {
    tera: Tera,
    /// Template names, for `has` (asked on every petition page to pick the theme's template).
    names: std::collections::HashSet<String>,
    /// Each theme's own `theme.css`, by theme name, read once.
    styles: std::collections::HashMap<String, String>,
}

impl Views {
    /// Loads every `.html` and `.txt` template under `dir`; names are paths relative to it.
    pub fn load(dir: &Path, i18n: Arc<I18n>) -> TeraResult<Views> {
        let mut tera = Tera::new();
        tera.register_function("t", move |kwargs: Kwargs, state: &State| translate(&i18n, kwargs, state));
        tera.load_from_glob(&format!("{}/**/*.{{html,txt}}", dir.display()))?;
        let names = tera.get_template_names().map(str::to_string).collect();
        let styles = theme_styles(&dir.join("themes"));
        Ok(Views { tera, names, styles })
    }

    /// A theme's stylesheet, served at `/themes/<name>/theme.css`.
    pub fn theme_css(&self, theme: &str) -> Option<&str> {
        self.styles.get(theme).map(String::as_str)
    }

    pub fn render(&self, name: &str, context: &Context) -> TeraResult<String> {
        self.tera.render(name, context)
    }

    pub fn has(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// The public themes: folders under `themes/` with a `petition.html`, sorted, `classic` first.
    /// An admin adds one by dropping a folder there (missing pages fall back to `classic`).
    pub fn themes(&self) -> Vec<String> {
        let mut themes: Vec<String> = self
            .names
            .iter()
            .filter_map(|n| n.strip_prefix("themes/")?.strip_suffix("/petition.html"))
            .filter(|t| !t.contains('/'))
            .map(str::to_string)
            .collect();
        themes.sort_by_key(|t| (t != "classic", t.clone()));
        themes
    }
}

/// `themes/<name>/theme.css` files; a theme without one uses the base style alone.
fn theme_styles(dir: &Path) -> std::collections::HashMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Default::default() };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let css = std::fs::read_to_string(e.path().join("theme.css")).ok()?;
            Some((e.file_name().to_str()?.to_string(), css))
        })
        .collect()
}

/// `fallback="…"` is shown when the key has no message: a theme dropped in by an admin shows
/// its folder name until translators name it.
fn translate(i18n: &I18n, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let key: &str = kwargs.must_get("key")?;
    if let Some(fallback) = kwargs.get::<&str>("fallback")?
        && !i18n.has(key)
    {
        return Ok(fallback.to_string());
    }
    let lang = state.get::<String>("lang")?;
    let lang = lang.as_deref().unwrap_or(i18n.default_locale());
    let mut args = FluentArgs::new();
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str() else { continue };
        if name == "key" || name == "fallback" {
            continue;
        }
        args.set(name.to_string(), fluent_value(value));
    }
    Ok(i18n.tr(lang, key, if args.iter().next().is_some() { Some(&args) } else { None }))
}

fn fluent_value(value: &Value) -> FluentValue<'static> {
    if let Some(n) = value.as_i64() {
        FluentValue::from(n)
    } else if let Some(n) = value.as_f64() {
        FluentValue::from(n)
    } else if let Some(s) = value.as_str() {
        FluentValue::from(s.to_string())
    } else {
        FluentValue::from(value.to_string())
    }
}
