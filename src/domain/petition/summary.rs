//! A petition's text in one plain sentence or two, for the page's `<meta name="description">`
//! (search results, link previews) when the organiser wrote no social description.
use pulldown_cmark::{Event, Parser, TagEnd};

/// The words of `markdown` without its markup, its whitespace collapsed, cut at a word before
/// `max_chars` (then ending with "…").
pub fn plain_summary(markdown: &str, max_chars: usize) -> String {
    let mut plain = String::with_capacity(markdown.len().min(max_chars * 4));
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => plain.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                plain.push(' ')
            }
            _ => {}
        }
        if plain.len() > max_chars * 8 {
            break;
        }
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = String::new();
    for word in words.iter() {
        let needed = out.chars().count() + word.chars().count() + usize::from(!out.is_empty());
        if needed > max_chars.saturating_sub(1) {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain_summary;

    #[test]
    fn markup_goes_and_long_texts_end_at_a_word() {
        let text = "## Why\n\nShade in **summer**, cleaner [air](https://example.org).\n\n- a tree\n- water";
        assert_eq!(plain_summary(text, 160), "Why Shade in summer, cleaner air. a tree water");
        assert_eq!(plain_summary(text, 20), "Why Shade in…");
        assert!(plain_summary(&"word ".repeat(100), 160).chars().count() <= 160);
        assert_eq!(plain_summary("", 160), "");
    }
}
