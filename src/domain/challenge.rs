//! The registration challenge: a small sum asked in words ("What is three plus four?"), read
//! well by screen readers and translated like every other text; or, where an instance prefers
//! it, a distorted picture of letters (the `captcha` crate). The answer is kept server-side,
//! hashed, and used up by the first try, right or wrong.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

use super::{DomainResult, tokens};
use crate::entities::challenge;

const VALID_FOR: Duration = Duration::minutes(30);

/// A question to show: its id (a hidden field) and the two numbers, 1 to 10, to name in words.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Question {
    pub id: i64,
    pub a: u8,
    pub b: u8,
}

fn small_number() -> u8 {
    let mut byte = [0u8; 1];
    getrandom::fill(&mut byte).expect("the operating system's random source is unavailable");
    byte[0] % 10 + 1
}

pub async fn ask(db: &impl ConnectionTrait, now: DateTime<Utc>) -> DomainResult<Question> {
    let (a, b) = (small_number(), small_number());
    let row = challenge::ActiveModel {
        answer_hash: Set(tokens::hash_token(&(u16::from(a) + u16::from(b)).to_string())),
        image: Set(None),
        expires_at: Set(now + VALID_FOR),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Question { id: row.id, a, b })
}

/// An image challenge: its id; the picture is served by `image`.
pub async fn ask_image(db: &impl ConnectionTrait, now: DateTime<Utc>) -> DomainResult<i64> {
    // `Captcha` is not Send and drawing is CPU work: done on the blocking pool.
    let drawn = tokio::task::spawn_blocking(|| {
        let mut c = captcha::Captcha::new();
        c.add_chars(5).apply_filter(captcha::filters::Noise::new(0.2)).view(220, 100);
        c.as_tuple()
    })
    .await
    .map_err(|e| super::DomainError::Internal(format!("captcha task: {e}")))?;
    let (answer, png) = drawn.ok_or_else(|| super::DomainError::Internal("captcha: no image".into()))?;
    let row = challenge::ActiveModel {
        answer_hash: Set(tokens::hash_token(&answer.to_lowercase())),
        image: Set(Some(png)),
        expires_at: Set(now + VALID_FOR),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// The picture of an image challenge still waiting for its answer.
pub async fn image(db: &impl ConnectionTrait, id: i64, now: DateTime<Utc>) -> DomainResult<Option<Vec<u8>>> {
    let row = challenge::Entity::find_by_id(id).one(db).await?;
    Ok(row.filter(|r| r.expires_at > now).and_then(|r| r.image))
}

/// True when `answer` is right; the question is used up either way.
pub async fn check(db: &impl ConnectionTrait, id: i64, answer: &str, now: DateTime<Utc>) -> DomainResult<bool> {
    let Some(row) = challenge::Entity::find_by_id(id).one(db).await? else { return Ok(false) };
    challenge::Entity::delete_by_id(row.id).exec(db).await?;
    Ok(row.expires_at > now && tokens::hash_token(&answer.trim().to_lowercase()) == row.answer_hash)
}
