//! The banner of a demo that resets (`[demo] reset_hours`): when it is next wiped, written in
//! the visitor's language (its month names, and the order its `format-datetime` message gives).
use chrono::{DateTime, Utc};

use crate::i18n::I18n;
use crate::i18n::format::Style;

/// "This is a demo: everything is wiped on December 3, 2026, 14:00 UTC." in `lang`.
pub fn text(i18n: &I18n, lang: &str, at: DateTime<Utc>) -> String {
    let when = i18n.date(lang, at, Style::DateTime);
    i18n.tr_args(lang, "demo-banner", [("when", when.into())])
}
