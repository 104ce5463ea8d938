//! Tera templates, compiled once at start-up, with `t()` for Fluent messages.
//!
//! `t(key="…", name=value…)` reads the page's language from the `lang` variable every context
//! carries, so templates never repeat it.
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

use crate::assets::{Assets, Folder};
use crate::i18n::I18n;

pub struct Views {
    tera: Tera,
    /// Template names, for `has` (asked on every petition page to pick the theme's template).
    names: std::collections::HashSet<String>,
    /// Each theme's own `theme.css`, by theme name, read once.
    styles: std::collections::HashMap<String, String>,
}

impl Views {
    /// Loads every `.html` and `.txt` template of `assets`; names are paths in `templates/`.
    pub fn load(assets: &Assets, i18n: Arc<I18n>) -> TeraResult<Views> {
        let mut tera = Tera::new();
        tera.register_function("t", move |kwargs: Kwargs, state: &State| translate(&i18n, kwargs, state));
        let texts = assets
            .texts(Folder::Templates, &[".html", ".txt", ".css"])
            .map_err(|e| tera::Error::message(e.to_string()))?;
        let (styles, templates): (Vec<_>, Vec<_>) = texts.into_iter().partition(|(name, _)| name.ends_with(".css"));
        tera.add_raw_templates(templates)?;
        let names = tera.get_template_names().map(str::to_string).collect();
        let styles = theme_styles(styles);
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
fn theme_styles(files: Vec<(String, String)>) -> std::collections::HashMap<String, String> {
    files
        .into_iter()
        .filter_map(|(name, css)| {
            let theme = name.strip_prefix("themes/")?.strip_suffix("/theme.css")?;
            (!theme.contains('/')).then(|| (theme.to_string(), css))
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
