//! The questions a challenge asks in words: several kinds, each in two wordings, with numbers
//! named in words, so that a script written for one page (a regular expression that finds "what
//! is X plus Y") fails on the next. Everything is derived from the token's secret seed: nothing is
//! stored, and only the server knows the answer.
//!
//! Answers are normalised as a person would type them: case, spaces and quotes do not matter,
//! and a number may be given in digits or in English or French words ("17", "seventeen",
//! "dix-sept"); the digits of "type these digits" may be spaced ("4 7 2", "four seven two").
use serde::Serialize;

/// Words spelled the same in English and French, so that a question asked in one language is
/// answered the same in the other (they are shown as they are, like the letters of a picture).
const WORDS: [&str; 16] = [
    "table", "piano", "radio", "orange", "animal", "village", "image", "nature", "simple", "train", "zone", "moment",
    "message", "route", "service", "signal",
];

/// The kinds of question, each with its Fluent messages (two wordings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Sum,
    Difference,
    Largest,
    Letters,
    NthWord,
    Digits,
}

impl Kind {
    pub const ALL: [Kind; 6] = [Kind::Sum, Kind::Difference, Kind::Largest, Kind::Letters, Kind::NthWord, Kind::Digits];

    fn messages(self) -> [&'static str; 2] {
        match self {
            Kind::Sum => ["challenge-sum-1", "challenge-sum-2"],
            Kind::Difference => ["challenge-difference-1", "challenge-difference-2"],
            Kind::Largest => ["challenge-largest-1", "challenge-largest-2"],
            Kind::Letters => ["challenge-letters-1", "challenge-letters-2"],
            Kind::NthWord => ["challenge-nth-word-1", "challenge-nth-word-2"],
            Kind::Digits => ["challenge-digits-1", "challenge-digits-2"],
        }
    }
}

/// One argument of a question's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// A number from 1 to 10, to be named in words (`number-<n>`).
    InWords(u8),
    /// A number given as such (for plural and ordinal selectors).
    Number(u8),
    /// Words shown as they are.
    Text(String),
}

/// A question: a Fluent message and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub kind: Kind,
    pub message: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    /// Whether the answer is a number (the field then offers a numeric keyboard).
    pub numeric: bool,
}

/// The right answer to a question, compared after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Number(u32),
    Digits(String),
    Word(&'static str),
}

impl Answer {
    /// The answer as a person would type it (tests and `expected` use it).
    pub fn canonical(&self) -> String {
        match self {
            Answer::Number(n) => n.to_string(),
            Answer::Digits(d) => d.clone(),
            Answer::Word(w) => w.to_string(),
        }
    }

    pub fn accepts(&self, given: &str) -> bool {
        let given = normalise(given);
        match self {
            Answer::Number(n) => number(&given) == Some(*n),
            Answer::Digits(d) => digits(&given).as_deref() == Some(d.as_str()),
            Answer::Word(w) => given == *w,
        }
    }
}

/// The question of `seed` (at least 8 bytes of secret) and its answer.
pub fn from_seed(seed: &[u8]) -> (Question, Answer) {
    let byte = |i: usize| seed.get(i).copied().unwrap_or(0);
    let kind = Kind::ALL[usize::from(byte(0)) % Kind::ALL.len()];
    let message = kind.messages()[usize::from(byte(1) % 2)];
    let one_to_ten = |i: usize| byte(i) % 10 + 1;
    let (args, answer) = match kind {
        Kind::Sum => {
            let (a, b) = (one_to_ten(2), one_to_ten(3));
            (vec![("a", Arg::InWords(a)), ("b", Arg::InWords(b))], Answer::Number(u32::from(a + b)))
        }
        Kind::Difference => {
            let small = byte(3) % 9 + 1;
            let big = small + byte(2) % (10 - small) + 1;
            (vec![("a", Arg::InWords(big)), ("b", Arg::InWords(small))], Answer::Number(u32::from(big - small)))
        }
        Kind::Largest => {
            // Three different numbers: steps of 1 to 4 then 1 to 3 round the ten never come back.
            let step = |n: u8, by: u8| (n - 1 + by) % 10 + 1;
            let a = one_to_ten(2);
            let b = step(a, byte(3) % 4 + 1);
            let c = step(b, byte(4) % 3 + 1);
            let largest = [a, b, c].into_iter().max().unwrap_or(a);
            (
                vec![("a", Arg::InWords(a)), ("b", Arg::InWords(b)), ("c", Arg::InWords(c))],
                Answer::Number(u32::from(largest)),
            )
        }
        Kind::Letters => {
            let word = WORDS[usize::from(byte(2)) % WORDS.len()];
            (vec![("word", Arg::Text(word.to_string()))], Answer::Number(word.chars().count() as u32))
        }
        Kind::NthWord => {
            let start = usize::from(byte(2));
            let words: Vec<&'static str> = (0..4).map(|i| WORDS[(start + i * 5) % WORDS.len()]).collect();
            let n = byte(3) % 4 + 1;
            (
                vec![("words", Arg::Text(words.join(" "))), ("n", Arg::Number(n))],
                Answer::Word(words[usize::from(n - 1)]),
            )
        }
        Kind::Digits => {
            let d: Vec<u8> = (2..5).map(|i| byte(i) % 9 + 1).collect();
            let answer = d.iter().map(u8::to_string).collect::<String>();
            (
                vec![("a", Arg::InWords(d[0])), ("b", Arg::InWords(d[1])), ("c", Arg::InWords(d[2]))],
                Answer::Digits(answer),
            )
        }
    };
    let numeric = !matches!(answer, Answer::Word(_));
    (Question { kind, message, args, numeric }, answer)
}

/// Lower case, quotes and final punctuation dropped, spaces collapsed.
fn normalise(given: &str) -> String {
    let lower = given.trim().to_lowercase();
    let kept: String = lower
        .chars()
        .filter(|c| !matches!(c, '"' | '\'' | '“' | '”' | '«' | '»' | '‘' | '’' | '.' | '!' | '?'))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Numbers from zero to twenty in the shipped languages (English, French, German, Spanish,
/// Italian; German and Spanish also without their accents). No word means two numbers across
/// them, so one list serves every page language.
const NUMBER_WORDS: [&[&str]; 21] = [
    &["zero", "zéro", "null", "cero"],
    &["one", "un", "une", "eins", "ein", "eine", "uno", "una"],
    &["two", "deux", "zwei", "dos", "due"],
    &["three", "trois", "drei", "tres", "tre"],
    &["four", "quatre", "vier", "cuatro", "quattro"],
    &["five", "cinq", "fünf", "fuenf", "funf", "cinco", "cinque"],
    &["six", "sechs", "seis", "sei"],
    &["seven", "sept", "sieben", "siete", "sette"],
    &["eight", "huit", "acht", "ocho", "otto"],
    &["nine", "neuf", "neun", "nueve", "nove"],
    &["ten", "dix", "zehn", "diez", "dieci"],
    &["eleven", "onze", "elf", "once", "undici"],
    &["twelve", "douze", "zwölf", "zwoelf", "zwolf", "doce", "dodici"],
    &["thirteen", "treize", "dreizehn", "trece", "tredici"],
    &["fourteen", "quatorze", "vierzehn", "catorce", "quattordici"],
    &["fifteen", "quinze", "fünfzehn", "fuenfzehn", "funfzehn", "quince", "quindici"],
    &["sixteen", "seize", "sechzehn", "dieciséis", "dieciseis", "sedici"],
    &["seventeen", "siebzehn", "diecisiete", "diciassette"],
    &["eighteen", "achtzehn", "dieciocho", "diciotto"],
    &["nineteen", "neunzehn", "diecinueve", "diciannove"],
    &["twenty", "vingt", "zwanzig", "veinte", "venti"],
];

fn word_value(word: &str) -> Option<u32> {
    NUMBER_WORDS.iter().position(|names| names.contains(&word)).map(|n| n as u32)
}

fn tokens(given: &str) -> Vec<&str> {
    given.split(|c: char| c.is_whitespace() || c == '-' || c == ',').filter(|t| !t.is_empty()).collect()
}

/// A number in digits ("17", "1 7" is not one) or in words ("seventeen", "dix-sept", "dix sept").
fn number(given: &str) -> Option<u32> {
    if !given.is_empty() && given.chars().all(|c| c.is_ascii_digit()) {
        return given.parse().ok();
    }
    let values: Option<Vec<u32>> = tokens(given).into_iter().map(word_value).collect();
    match values?.as_slice() {
        [one] => Some(*one),
        // French tens and units: dix-sept, dix-huit, dix-neuf.
        [10, unit @ 7..=9] => Some(10 + unit),
        _ => None,
    }
}

/// Single digits in a row, in figures or words, spaced or not: "472", "4 7 2", "four seven two".
fn digits(given: &str) -> Option<String> {
    let mut out = String::new();
    for token in tokens(given) {
        if token.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(token);
        } else {
            out.push_str(&word_value(token).filter(|v| *v < 10)?.to_string());
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(bytes: [u8; 5]) -> Vec<u8> {
        bytes.to_vec()
    }

    #[test]
    fn every_kind_and_wording_comes_from_some_seed() {
        let mut seen = std::collections::BTreeSet::new();
        for a in 0..=255u8 {
            let (q, _) = from_seed(&seed([a, a / 7, a, a.wrapping_mul(3), 1]));
            seen.insert(q.message);
        }
        assert_eq!(seen.len(), Kind::ALL.len() * 2, "{seen:?}");
    }

    #[test]
    fn numbers_are_accepted_in_digits_and_in_the_words_of_every_shipped_language() {
        let (q, answer) = from_seed(&seed([0, 0, 6, 9, 0]));
        assert_eq!(q.kind, Kind::Sum);
        assert_eq!(q.args, [("a", Arg::InWords(7)), ("b", Arg::InWords(10))]);
        for given in [
            "17",
            " 17 ",
            "seventeen",
            "Seventeen.",
            "dix-sept",
            "Dix sept",
            "« dix-sept »",
            "Siebzehn",
            "diecisiete",
            "diciassette",
        ] {
            assert!(answer.accepts(given), "{given:?}");
        }
        for given in ["16", "1 7", "seven", "", "dix", "seventeen please"] {
            assert!(!answer.accepts(given), "{given:?}");
        }
        // One list for every language: a word naming two numbers would accept a wrong answer.
        let mut seen = std::collections::HashMap::new();
        for (n, words) in NUMBER_WORDS.iter().enumerate() {
            for word in *words {
                assert_eq!(seen.insert(*word, n), None, "{word} names two numbers");
            }
        }
    }

    #[test]
    fn each_kind_has_its_answer() {
        let (q, a) = from_seed(&seed([1, 0, 2, 5, 0]));
        assert_eq!(
            (q.kind, q.args[0].clone(), q.args[1].clone()),
            (Kind::Difference, ("a", Arg::InWords(9)), ("b", Arg::InWords(6)))
        );
        assert!(a.accepts("3") && a.accepts("three") && a.accepts("trois") && !a.accepts("15"));

        let (q, a) = from_seed(&seed([2, 1, 4, 0, 0]));
        assert_eq!(q.kind, Kind::Largest);
        let shown: Vec<u8> = q.args.iter().map(|(_, arg)| if let Arg::InWords(n) = arg { *n } else { 0 }).collect();
        let distinct: std::collections::BTreeSet<u8> = shown.iter().copied().collect();
        assert_eq!(distinct.len(), 3, "{shown:?}");
        assert!(a.accepts(&shown.iter().max().unwrap().to_string()));

        let (q, a) = from_seed(&seed([3, 0, 5, 0, 0]));
        assert_eq!((q.kind, &q.args[0]), (Kind::Letters, &("word", Arg::Text("village".into()))));
        assert!(a.accepts("7") && a.accepts("seven") && a.accepts("sept") && !a.accepts("6"));

        let (q, a) = from_seed(&seed([4, 0, 0, 2, 0]));
        assert_eq!(q.kind, Kind::NthWord);
        assert_eq!(q.args, [("words", Arg::Text("table village zone signal".into())), ("n", Arg::Number(3))]);
        assert!(a.accepts("zone") && a.accepts(" Zone ") && a.accepts("“zone”") && !a.accepts("table"));
        assert!(!q.numeric);

        let (q, a) = from_seed(&seed([5, 1, 3, 6, 0]));
        assert_eq!(q.kind, Kind::Digits);
        assert_eq!(a, Answer::Digits("471".into()));
        for given in ["471", "4 7 1", "4-7-1", "four seven one", "quatre sept un", "Four, seven, one"] {
            assert!(a.accepts(given), "{given:?}");
        }
        assert!(!a.accepts("47") && !a.accepts("174") && !a.accepts("four seventy one"));
    }
}
