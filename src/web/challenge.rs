//! A posed challenge as a form shows it: the token, and the question written out in the page's
//! language (its numbers named in words), or nothing for a picture.
use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::App;
use crate::config::Challenge;
use crate::domain::challenge::questions::Arg;
use crate::domain::challenge::{Posed, Question, Scope};
use crate::domain::now;

/// Prefix of the messages naming numbers (`number-1` … `number-10`).
const NUMBER: &str = "number-";

#[derive(Debug, Serialize)]
pub struct Shown {
    pub token: String,
    /// The question's text; none for a picture.
    pub question: Option<String>,
    /// Whether the answer is a number (a numeric keyboard is offered).
    pub numeric: bool,
}

fn text(app: &App, lang: &str, q: &Question) -> String {
    let mut args = FluentArgs::new();
    for (name, arg) in &q.args {
        let value = match arg {
            Arg::InWords(n) => FluentValue::from(app.i18n.tr(lang, &format!("{NUMBER}{n}"), None)),
            Arg::Number(n) => FluentValue::from(i64::from(*n)),
            Arg::Text(t) => FluentValue::from(t.clone()),
        };
        args.set(*name, value);
    }
    app.i18n.tr(lang, q.message, Some(&args))
}

fn show(app: &App, lang: &str, posed: Posed) -> Shown {
    let numeric = posed.question.as_ref().is_some_and(|q| q.numeric);
    let question = posed.question.as_ref().map(|q| text(app, lang, q));
    Shown { token: posed.token, question, numeric }
}

/// A new challenge of `kind` for a form of `scope`, as shown in `lang` (none when `kind` is none).
pub fn pose(app: &App, lang: &str, kind: Challenge, scope: Scope) -> Option<Shown> {
    app.bot_defence.pose(kind, scope, now()).map(|posed| show(app, lang, posed))
}
