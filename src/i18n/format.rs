//! Numbers and dates in the reader's locale. Fluent selects plurals on the number itself, so
//! every count reaches a message as a number and is written out here, grouped the locale's way
//! ("1,000", "1 000" with a narrow no-break space, "1.000"). Dates are written with the locale's
//! month names in the order its translators chose: the `format-date` and `format-datetime`
//! messages hold the pattern (chrono's `strftime` syntax), so no date order lives in code.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use fluent_bundle::FluentValue;
use fluent_bundle::types::FluentNumber;
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use num_format::Grouping;
use unic_langid::LanguageIdentifier;

/// A locale's digit separators, from CLDR; built once per bundle by Fluent's memoizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digits {
    group: &'static str,
    decimal: &'static str,
    grouping: Grouping,
}

impl Digits {
    pub fn of(lang: &LanguageIdentifier) -> Digits {
        let locale = num_format::Locale::from_name(lang.to_string())
            .or_else(|_| num_format::Locale::from_name(lang.language.as_str()))
            .unwrap_or(num_format::Locale::en);
        Digits { group: locale.separator(), decimal: locale.decimal(), grouping: locale.grouping() }
    }

    /// `digits` as Fluent wrote them ("-1234.5": ASCII, a point before any fraction), in this
    /// locale's way.
    pub fn write(&self, digits: &str) -> String {
        let (sign, unsigned) = digits.strip_prefix('-').map_or(("", digits), |rest| ("-", rest));
        let (whole, fraction) = unsigned.split_once('.').map_or((unsigned, None), |(w, f)| (w, Some(f)));
        let mut out = String::with_capacity(digits.len() + 8);
        out.push_str(sign);
        out.push_str(&self.group_whole(whole));
        if let Some(fraction) = fraction {
            out.push_str(self.decimal);
            out.push_str(fraction);
        }
        out
    }

    fn group_whole(&self, whole: &str) -> String {
        let sizes: (usize, usize) = match self.grouping {
            Grouping::Standard => (3, 3),
            Grouping::Indian => (3, 2),
            Grouping::Posix => return whole.to_string(),
        };
        if whole.len() <= sizes.0 || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return whole.to_string();
        }
        let (head, last) = whole.split_at(whole.len() - sizes.0);
        let mut groups = vec![last];
        let mut rest = head;
        while rest.len() > sizes.1 {
            let (h, g) = rest.split_at(rest.len() - sizes.1);
            groups.push(g);
            rest = h;
        }
        groups.push(rest);
        groups.reverse();
        groups.join(self.group)
    }
}

impl Memoizable for Digits {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(Digits::of(&lang))
    }
}

/// The bundles' formatter (`FluentBundle::set_formatter`): numbers in the bundle's locale,
/// everything else as Fluent writes it.
pub fn fluent_formatter(value: &FluentValue, memoizer: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    if !number.options.use_grouping {
        return None;
    }
    let digits = plain_digits(number);
    memoizer.with_try_get::<Digits, _, _>((), |d| d.write(&digits)).ok()
}

/// What Fluent itself would write (its fraction-digit options applied), before grouping.
fn plain_digits(number: &FluentNumber) -> String {
    let mut plain = number.clone();
    plain.options.use_grouping = false;
    plain.as_string().into_owned()
}

/// How much of a moment a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Date,
    DateTime,
}

impl Style {
    pub fn message(self) -> &'static str {
        match self {
            Style::Date => "format-date",
            Style::DateTime => "format-datetime",
        }
    }
}

/// chrono's names of months and days for `code` (`fr` → `fr_FR`); English when it has none.
pub fn chrono_locale(code: &str) -> chrono::Locale {
    let language = code.split(['-', '_']).next().unwrap_or(code);
    let region = code.split(['-', '_']).nth(1).map(str::to_uppercase);
    let candidates = [
        region.map(|r| format!("{language}_{r}")),
        Some(format!("{language}_{}", language.to_uppercase())),
        Some(match language {
            "en" => "en_GB".to_string(),
            other => format!("{other}_{other}"),
        }),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|c| chrono::Locale::try_from(c.as_str()).ok())
        .unwrap_or(chrono::Locale::en_US)
}

/// `at` written with `pattern` (a `format-…` message) in `code`'s names. A pattern chrono
/// cannot read falls back to ISO 8601, never a panic.
pub fn write_date(at: DateTime<Utc>, pattern: &str, code: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    match write!(out, "{}", at.format_localized(pattern, chrono_locale(code))) {
        Ok(()) => out,
        Err(_) => at.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

/// A moment as pages and serialised models carry it: RFC 3339, or a bare `YYYY-MM-DD` date.
pub fn parse_moment(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    if let Ok(at) = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(at.and_utc());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().map(|d| d.and_time(NaiveTime::MIN).and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(code: &str) -> Digits {
        Digits::of(&code.parse().expect("a language tag"))
    }

    #[test]
    fn numbers_are_grouped_the_locale_s_way() {
        assert_eq!(digits("en").write("1234567"), "1,234,567");
        assert_eq!(digits("fr").write("1000"), "1\u{202f}000");
        assert_eq!(digits("fr").write("-1234.5"), "-1\u{202f}234,5");
        assert_eq!(digits("de").write("1000"), "1.000");
        assert_eq!(digits("it").write("12345"), "12.345");
        assert_eq!(digits("en").write("999"), "999");
        assert_eq!(digits("en").write("NaN"), "NaN");
        assert_eq!(digits("xx").write("1000"), "1,000", "an unknown locale writes English");
    }

    #[test]
    fn dates_follow_the_pattern_in_the_locale_s_names() {
        let at = parse_moment("2026-12-03T09:05:00Z").expect("a moment");
        assert_eq!(write_date(at, "%-d %B %Y", "fr"), "3 décembre 2026");
        assert_eq!(write_date(at, "%B %-d, %Y", "en"), "December 3, 2026");
        assert_eq!(write_date(at, "%-d. %B %Y", "de"), "3. Dezember 2026");
        assert_eq!(parse_moment("2026-02-09"), parse_moment("2026-02-09T00:00:00Z"));
        assert_eq!(parse_moment("2026-02-09T10:00:00.123456"), parse_moment("2026-02-09T10:00:00.123456Z"));
        assert_eq!(parse_moment("yesterday"), None);
    }
}
