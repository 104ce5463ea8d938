//! The registration challenge: a small sum asked in words ("What is three plus four?"), read
//! well by screen readers and translated like every other text. The answer is kept server-side,
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
        expires_at: Set(now + VALID_FOR),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Question { id: row.id, a, b })
}

/// True when `answer` is right; the question is used up either way.
pub async fn check(db: &impl ConnectionTrait, id: i64, answer: &str, now: DateTime<Utc>) -> DomainResult<bool> {
    let Some(row) = challenge::Entity::find_by_id(id).one(db).await? else { return Ok(false) };
    challenge::Entity::delete_by_id(row.id).exec(db).await?;
    Ok(row.expires_at > now && tokens::hash_token(answer.trim()) == row.answer_hash)
}
