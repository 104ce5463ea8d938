//! The challenge a person answers before registering or, where the instance asks for it (or a
//! rate was passed), before signing: a small question asked in words, of several kinds and
//! wordings (`questions`), read well by screen readers and translated like every other text; or
//! a distorted picture of letters (the `captcha` crate).
//!
//! Nothing is stored when a challenge is shown. Its token carries its scope, when it expires and
//! a random nonce, signed with the instance's key; the answer is derived from that signature, so
//! only the server knows it, and a picture is drawn from the token when asked for. Showing a form
//! therefore costs no database write (a petition page under load, or a crawler on /register,
//! would otherwise fill a table). A token is recorded when it is answered, right or wrong, so
//! each is used once (and a picture when served, so it is served once); records are forgotten
//! once their token has expired anyway.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Serialize;

pub mod questions;

pub use questions::Question;

use super::{DomainError, DomainResult, FieldErrors, tokens};
use crate::config::Challenge;
use crate::entities::challenge_use;

const VALID_FOR: Duration = Duration::minutes(30);
/// Letters of the picture: the captcha font's, without those easy to mistake for another
/// (i/j/l/1, o/0, g/q/9). Answers are compared in lower case.
const LETTERS: &[u8] = b"abcdefhkmnprstuvwxyz2345678";
const PICTURE_LENGTH: usize = 5;

/// What a form shows: the token (a hidden field) and the question to ask in words; without a
/// question, the picture served at `/challenge/<token>`.
#[derive(Debug, Clone, Serialize)]
pub struct Posed {
    pub token: String,
    pub question: Option<Question>,
}

/// Where a challenge may be answered, so that one solved for a form cannot serve another.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    Registration,
    Signing(i64),
}

impl Scope {
    fn label(self) -> String {
        match self {
            Scope::Registration => "register".to_string(),
            Scope::Signing(petition) => format!("sign-{petition}"),
        }
    }
}

/// A new challenge of `kind` for `scope`, or none when the instance asks for none.
pub fn pose(key: &[u8], kind: Challenge, scope: Scope, now: DateTime<Utc>) -> Option<Posed> {
    let picture = match kind {
        Challenge::None => return None,
        Challenge::Question => false,
        Challenge::Image => true,
    };
    let body = format!(
        "{}.{}.{}.{}",
        scope.label(),
        u8::from(picture),
        (now + VALID_FOR).timestamp(),
        tokens::random_token(12)
    );
    let token = format!("{body}.{}", tokens::keyed_hash(key, body.as_bytes()));
    let question = (!picture).then(|| questions::from_seed(&seed(key, &token)).0);
    Some(Posed { token, question })
}

/// A token this server made, not expired: its scope's label, and whether it is a picture.
fn opened<'t>(key: &[u8], token: &'t str, now: DateTime<Utc>) -> Option<(&'t str, bool)> {
    let (body, tag) = token.rsplit_once('.')?;
    if !tokens::verify_keyed_hash(key, body.as_bytes(), tag) {
        return None;
    }
    let mut parts = body.splitn(4, '.');
    let (scope, picture, expires) = (parts.next()?, parts.next()? == "1", parts.next()?);
    let expires = DateTime::from_timestamp(expires.parse().ok()?, 0)?;
    (expires > now).then_some((scope, picture))
}

/// Secret bytes behind a token's answer: only the holder of the key can work them out.
fn seed(key: &[u8], token: &str) -> Vec<u8> {
    tokens::keyed_digest(key, format!("answer.{token}").as_bytes())
}

fn letters(key: &[u8], token: &str) -> String {
    seed(key, token).iter().take(PICTURE_LENGTH).map(|b| char::from(LETTERS[usize::from(*b) % LETTERS.len()])).collect()
}

/// The right answer to a valid token of `scope`, as a person would type it. Only the server
/// can work it out; tests use it to answer a picture they cannot read.
pub fn expected(key: &[u8], scope: Scope, token: &str, now: DateTime<Utc>) -> Option<String> {
    answer(key, scope, token, now).map(|a| match a {
        Right::Letters(l) => l,
        Right::Question(q) => q.canonical(),
    })
}

enum Right {
    Letters(String),
    Question(questions::Answer),
}

fn answer(key: &[u8], scope: Scope, token: &str, now: DateTime<Utc>) -> Option<Right> {
    let (label, picture) = opened(key, token, now)?;
    if label != scope.label() {
        return None;
    }
    Some(match picture {
        true => Right::Letters(letters(key, token)),
        false => Right::Question(questions::from_seed(&seed(key, token)).1),
    })
}

/// The picture of a valid image token (PNG), served once: its noise is random, so a picture
/// drawn anew for each download could be cleaned by keeping what several downloads share. A
/// visitor whose picture did not load reloads the form and gets another token.
pub async fn picture(
    db: &impl ConnectionTrait,
    key: &[u8],
    token: &str,
    now: DateTime<Utc>,
) -> DomainResult<Option<Vec<u8>>> {
    if opened(key, token, now).is_none_or(|(_, picture)| !picture)
        || challenge_use::Entity::find_by_id(tokens::hash_token(token)).one(db).await?.is_some()
        || !record(db, &format!("shown.{token}"), now).await?
    {
        return Ok(None);
    }
    let letters = letters(key, token);
    // `Captcha` is not Send and drawing is CPU work: done on the blocking pool.
    let drawn = tokio::task::spawn_blocking(move || {
        let mut c = captcha::Captcha::new();
        for letter in letters.chars() {
            c.set_chars(&[letter]).add_char();
        }
        c.apply_filter(captcha::filters::Noise::new(0.2)).view(220, 100);
        c.as_png()
    })
    .await
    .map_err(|e| DomainError::Internal(format!("captcha task: {e}")))?;
    drawn.map(Some).ok_or_else(|| DomainError::Internal("captcha: no image".into()))
}

/// True when `given` answers `token`. The token is used up either way: a second try, or a
/// replay of a solved one, is refused. On SQLite, pass the app's writer connection: during a
/// signing surge its queue is first come, first served, where the pool's busy handler could
/// wait past its timeout.
pub async fn check(
    db: &impl ConnectionTrait,
    key: &[u8],
    scope: Scope,
    token: &str,
    given: &str,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let Some(right) = answer(key, scope, token, now) else { return Ok(false) };
    let accepted = match right {
        Right::Letters(letters) => given.trim().to_lowercase() == letters,
        Right::Question(answer) => answer.accepts(given),
    };
    Ok(record(db, token, now).await? && accepted)
}

/// The bot-defence step with what it needs, made once at start: the instance's key, and the
/// connection its records go to (the app's writer: during a signing surge its queue is first
/// come, first served, where the pool's busy handler could time out). Handlers ask it; they
/// choose no connection and hold no key.
#[derive(Clone)]
pub struct BotDefence {
    db: DatabaseConnection,
    key: Vec<u8>,
}

impl BotDefence {
    pub fn new(db: DatabaseConnection, key: Vec<u8>) -> BotDefence {
        BotDefence { db, key }
    }

    /// The key challenges are signed with (tests derive the expected answer from it).
    pub fn key(&self) -> &[u8] {
        &self.key
    }

    /// A new challenge of `kind` for a form of `scope` (none when `kind` is none).
    pub fn pose(&self, kind: Challenge, scope: Scope, now: DateTime<Utc>) -> Option<Posed> {
        pose(&self.key, kind, scope, now)
    }

    /// The step itself (see `screen`).
    pub async fn screen(
        &self,
        (kind, scope): (Challenge, Scope),
        sent: Screening<'_>,
        now: DateTime<Utc>,
    ) -> DomainResult<Screened> {
        screen(&self.db, (&self.key, kind, scope), sent, now).await
    }

    /// The picture of an image challenge, once (see `picture`).
    pub async fn picture(&self, token: &str, now: DateTime<Utc>) -> DomainResult<Option<Vec<u8>>> {
        picture(&self.db, &self.key, token, now).await
    }
}

/// What a public form (signing, registering) carries against robots: a field hidden from
/// people, and the challenge's token and answer.
#[derive(Debug, Clone, Copy)]
pub struct Screening<'a> {
    pub honeypot: &'a str,
    pub token: &'a str,
    pub answer: &'a str,
}

/// How a form's sender fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screened {
    /// The hidden field was filled: answer as if it worked, keep nothing.
    Bot,
    Passed,
    /// The challenge was not answered right: say so beside the form's other mistakes, so that
    /// one try shows them all.
    WrongAnswer,
}

impl Screened {
    /// The form's errors, with the challenge's own when it was answered wrong.
    pub fn with_errors(self, mut errors: FieldErrors) -> FieldErrors {
        if self == Screened::WrongAnswer {
            errors.insert("challenge", "error-challenge-wrong");
        }
        errors
    }
}

/// The one bot-defence step of every public form: the honeypot, then the challenge of `kind`
/// (none: nothing to answer). On SQLite, pass the app's writer connection (see `check`).
pub async fn screen(
    db: &impl ConnectionTrait,
    (key, kind, scope): (&[u8], Challenge, Scope),
    sent: Screening<'_>,
    now: DateTime<Utc>,
) -> DomainResult<Screened> {
    if !sent.honeypot.is_empty() {
        tracing::info!(form = %scope.label(), "honeypot filled; ignored");
        return Ok(Screened::Bot);
    }
    if kind == Challenge::None || check(db, key, scope, sent.token, sent.answer, now).await? {
        Ok(Screened::Passed)
    } else {
        Ok(Screened::WrongAnswer)
    }
}

/// Records `what` (a token, or that its picture was shown); false when it already was.
async fn record(db: &impl ConnectionTrait, what: &str, now: DateTime<Utc>) -> DomainResult<bool> {
    let used =
        challenge_use::ActiveModel { token_hash: Set(tokens::hash_token(what)), expires_at: Set(now + VALID_FOR) };
    let inserted = challenge_use::Entity::insert(used)
        .on_conflict(OnConflict::column(challenge_use::Column::TokenHash).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}

/// Forgets the used tokens that have expired (they would be refused anyway).
pub async fn forget_used(db: &impl ConnectionTrait, now: DateTime<Utc>) -> DomainResult<u64> {
    let gone = challenge_use::Entity::delete_many().filter(challenge_use::Column::ExpiresAt.lt(now)).exec(db).await?;
    Ok(gone.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a key for tests";

    #[test]
    fn a_question_is_answered_by_its_sum_and_only_in_its_own_scope() {
        let now = Utc::now();
        let posed = pose(KEY, Challenge::Question, Scope::Signing(7), now).expect("a question");
        let question = posed.question.expect("a question in words");
        let (shown, answer) = questions::from_seed(&seed(KEY, &posed.token));
        assert_eq!(question, shown, "the question is the token's");
        assert_eq!(expected(KEY, Scope::Signing(7), &posed.token, now), Some(answer.canonical()));
        assert_eq!(expected(KEY, Scope::Signing(8), &posed.token, now), None, "another petition");
        assert_eq!(expected(KEY, Scope::Registration, &posed.token, now), None, "the registration form");
        assert_eq!(expected(b"another key", Scope::Signing(7), &posed.token, now), None, "another instance");
        assert_eq!(expected(KEY, Scope::Signing(7), &posed.token, now + VALID_FOR), None, "expired");
        let forged = posed.token.replacen(".0.", ".1.", 1);
        assert_eq!(expected(KEY, Scope::Signing(7), &forged, now), None, "a changed picture flag");
        assert!(pose(KEY, Challenge::None, Scope::Registration, now).is_none());
    }

    #[test]
    fn picture_letters_come_from_the_captcha_font() {
        let supported = captcha::Captcha::new().supported_chars();
        assert!(LETTERS.iter().all(|l| supported.contains(&char::from(*l))), "every letter can be drawn");
        let posed = pose(KEY, Challenge::Image, Scope::Registration, Utc::now()).expect("a picture");
        assert!(posed.question.is_none(), "a picture asks no question");
        assert_eq!(letters(KEY, &posed.token).len(), PICTURE_LENGTH);
    }
}
