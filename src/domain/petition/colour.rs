//! Colour contrast under WCAG 2.1 (success criterion 1.4.3, level AA: 4.5:1 for text).
//! A petition's own colours are checked when saved, against the theme's text colours.

/// The theme's defaults (static/css/main.css); custom colours replace them.
pub const DEFAULT_BACKGROUND: &str = "#fdfcf9";
pub const DEFAULT_ACCENT: &str = "#0b5d3b";
/// The lightest text drawn on the background (the muted grey); the body text is darker.
const MUTED_TEXT: &str = "#55554f";
const DARK_TEXT: &str = "#1d1d1b";
const WHITE: &str = "#ffffff";
pub const AA_TEXT: f64 = 4.5;

/// `#rrggbb` → (r, g, b).
pub fn parse(hex: &str) -> Option<(u8, u8, u8)> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((byte(0)?, byte(2)?, byte(4)?))
}

fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The contrast ratio of two colours, from 1 to 21; `None` when one does not parse.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(parse(a)?), luminance(parse(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// The text colour for buttons filled with `accent`: white or near-black, whichever reads better.
pub fn text_on(accent: &str) -> &'static str {
    let white = contrast(accent, WHITE).unwrap_or(0.0);
    let dark = contrast(accent, DARK_TEXT).unwrap_or(0.0);
    if white >= dark { WHITE } else { DARK_TEXT }
}

/// The Fluent id of what makes this pair unreadable, if anything.
pub fn problem(accent: Option<&str>, background: Option<&str>) -> Option<&'static str> {
    let accent = accent.unwrap_or(DEFAULT_ACCENT);
    let background = background.unwrap_or(DEFAULT_BACKGROUND);
    let ok = |a: &str, b: &str| contrast(a, b).is_some_and(|c| c >= AA_TEXT);
    if !ok(MUTED_TEXT, background) {
        Some("error-contrast-background")
    } else if !ok(accent, background) {
        Some("error-contrast-accent")
    } else if !ok(text_on(accent), accent) {
        Some("error-contrast-button")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_the_wcag_examples() {
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 0.01);
        assert!((contrast("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
        assert_eq!(contrast("#fff", "#000000"), None);
    }

    #[test]
    fn the_theme_defaults_pass_and_weak_pairs_are_refused() {
        assert_eq!(problem(None, None), None);
        assert_eq!(problem(Some("#1d4ed8"), Some("#ffffff")), None);
        assert_eq!(problem(Some("#ffff00"), Some("#ffffff")), Some("error-contrast-accent"));
        assert_eq!(problem(None, Some("#333333")), Some("error-contrast-background"));
    }
}
