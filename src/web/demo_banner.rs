//! The banner of a demo that resets (`[demo] reset_hours`): when it is next wiped, written in
//! the visitor's language (the month's name and the order of the parts are the catalog's).
use chrono::{DateTime, Datelike, Timelike, Utc};

use crate::i18n::I18n;

/// "This is a demo: everything is wiped on December 3, 2026, at 14:00 UTC." in `lang`.
pub fn text(i18n: &I18n, lang: &str, at: DateTime<Utc>) -> String {
    let month = i18n.tr(lang, &format!("month-{}", at.month()), None);
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    let parts = [("day", at.day().to_string()), ("month", month), ("year", at.year().to_string()), ("time", time)];
    let when = i18n.tr_args(lang, "demo-reset-when", parts.iter().map(|(k, v)| (*k, v.as_str().into())));
    i18n.tr_args(lang, "demo-banner", [("when", when.into())])
}
