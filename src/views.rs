//! Tera templates, compiled once at start-up, with `t()` for Fluent messages.
//!
//! `t(key="…", name=value…)` reads the page's language from the `lang` variable every context
//! carries, so templates never repeat it; so does `when(at=…, style="date"|"datetime")`, which
//! writes a moment (RFC 3339 or `YYYY-MM-DD`) the way that language writes dates, and
//! `num(n=…)`, a number grouped its way (a number inside a message needs neither: Fluent's).
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

use crate::assets::{Assets, Folder};
use crate::i18n::I18n;
use crate::i18n::format::{self, Style};

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
        let (dates, numbers) = (i18n.clone(), i18n.clone());
        tera.register_function("t", move |kwargs: Kwargs, state: &State| translate(&i18n, kwargs, state));
        tera.register_function("when", move |kwargs: Kwargs, state: &State| when(&dates, kwargs, state));
        tera.register_function("num", move |kwargs: Kwargs, state: &State| num(&numbers, kwargs, state));
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

/// A moment in the page's language; a value that is not one is shown as it is.
fn when(i18n: &I18n, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let at: Value = kwargs.must_get("at")?;
    let style = match kwargs.get::<&str>("style")? {
        None | Some("date") => Style::Date,
        Some("datetime") => Style::DateTime,
        Some(other) => return Err(tera::Error::message(format!("when(): unknown style {other:?}"))),
    };
    let text = at.as_str().map(str::to_string).unwrap_or_else(|| at.to_string());
    let Some(moment) = format::parse_moment(&text) else { return Ok(text) };
    let lang = state.get::<String>("lang")?;
    Ok(i18n.date(lang.as_deref().unwrap_or(i18n.default_locale()), moment, style))
}

/// A number standing alone (a table cell) in the page's language.
fn num(i18n: &I18n, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let n: Value = kwargs.must_get("n")?;
    let lang = state.get::<String>("lang")?;
    let lang = lang.as_deref().unwrap_or(i18n.default_locale());
    Ok(match (n.as_i64(), n.as_f64()) {
        (Some(n), _) => i18n.number(lang, n.to_string().as_str()),
        (None, Some(x)) => i18n.number(lang, x.to_string().as_str()),
        _ => n.as_str().map_or_else(|| n.to_string(), str::to_string),
    })
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
