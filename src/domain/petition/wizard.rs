//! The creation wizard's steps. The owner is chosen before the petition exists (it creates the
//! draft); every later step saves into the draft, so leaving half-way loses nothing.
use serde::Serialize;

use crate::domain::petition::content::Section;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Owner,
    Start,
    Content,
    Preview,
    Fields,
    Look,
    /// The header image: optional, its own upload form; "next" goes on without one.
    Image,
    Review,
}

impl Step {
    pub const ALL: [Step; 8] =
        [Step::Owner, Step::Start, Step::Content, Step::Preview, Step::Fields, Step::Look, Step::Image, Step::Review];

    pub fn name(self) -> &'static str {
        match self {
            Step::Owner => "owner",
            Step::Start => "start",
            Step::Content => "content",
            Step::Preview => "preview",
            Step::Fields => "fields",
            Step::Look => "look",
            Step::Image => "image",
            Step::Review => "review",
        }
    }

    /// A step of an existing draft, from its URL name (the owner step comes before the draft).
    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().skip(1).find(|step| step.name() == s)
    }

    /// From 1, for "step 3 of 7".
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).map_or(1, |i| i + 1)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    /// The previous step of a draft (none before `Start`: the owner is fixed once it exists).
    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).and_then(|i| Step::ALL.get(i)).copied().filter(|s| *s != Step::Owner)
    }

    /// What this step's form saves.
    pub fn sections(self) -> &'static [Section] {
        match self {
            Step::Content => &[Section::Text],
            Step::Fields => &[Section::Goal, Section::Fields],
            Step::Look => &[Section::Look],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Step;

    #[test]
    fn steps_follow_each_other() {
        assert_eq!(Step::Start.previous(), None);
        assert_eq!(Step::Content.previous(), Some(Step::Start));
        assert_eq!(Step::Look.next(), Some(Step::Image));
        assert_eq!(Step::Image.next(), Some(Step::Review));
        assert_eq!(Step::Review.previous(), Some(Step::Image));
        assert_eq!(Step::Review.next(), None);
        assert_eq!(Step::parse("owner"), None);
        assert_eq!(Step::parse("image"), Some(Step::Image));
        assert_eq!(Step::Review.number(), 8);
    }
}
