//! Which petitions have crossed the count at which they are delivered on their own: the rule
//! (`threshold`, `crossed`) and the query the count batch runs after each refresh (`due`).
//! Kept apart from delivering, so that other work done at a count (the organisers' own
//! notifications) can share the rule.
use sea_orm::{ConnectionTrait, Statement};

use super::settings::When;
use crate::domain::DomainResult;
use crate::domain::ids::PetitionId;

/// Petitions handled per run of the batch; the others wait for the next run.
pub const PER_RUN: i64 = 20;

/// The count at which `when` delivers a petition with `goal`; none for "by hand" and for a
/// goal of zero (no goal).
pub fn threshold(when: When, goal: i64) -> Option<i64> {
    match when {
        When::Manual => None,
        When::Goal => (goal > 0).then_some(goal),
        When::Milestone(n) => (n > 0).then_some(n),
    }
}

/// Whether `count` has reached `threshold`.
pub fn crossed(threshold: i64, count: i64) -> bool {
    count >= threshold
}

/// A petition whose automatic delivery is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub petition: PetitionId,
    pub when: When,
}

/// The petitions (at most `PER_RUN`) whose public count reached the count of their setting,
/// that have an addressee to mail and no automatic delivery yet. The same test as `threshold`
/// and `crossed`, in SQL, so that the batch reads only those petitions.
pub async fn due(db: &impl ConnectionTrait) -> DomainResult<Vec<Due>> {
    let sql = format!(
        "SELECT p.id AS id, d.mode AS mode, d.milestone AS milestone FROM delivery_settings d \
         JOIN petitions p ON p.id = d.petition_id \
         WHERE p.moderation = 'ok' AND ( \
           (d.mode = 'goal' AND p.goal > 0 AND p.confirmed_count + p.paper_signatures >= p.goal) \
           OR (d.mode = 'milestone' AND d.milestone > 0 AND p.confirmed_count + p.paper_signatures >= d.milestone)) \
         AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.petition_id = p.id AND x.auto_key = 'auto') \
         AND EXISTS (SELECT 1 FROM petition_addressees a WHERE a.petition_id = p.id AND a.email IS NOT NULL) \
         ORDER BY p.id LIMIT {PER_RUN}"
    );
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await?;
    let mut due = Vec::with_capacity(rows.len());
    for row in rows {
        let mode: String = row.try_get("", "mode")?;
        let when = match mode.as_str() {
            "goal" => When::Goal,
            _ => When::Milestone(row.try_get::<Option<i64>>("", "milestone")?.unwrap_or_default()),
        };
        due.push(Due { petition: PetitionId(row.try_get("", "id")?), when });
    }
    Ok(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_or_a_count_is_crossed_once_reached() {
        assert_eq!(threshold(When::Manual, 100), None);
        assert_eq!(threshold(When::Goal, 0), None, "no goal");
        assert_eq!(threshold(When::Goal, 100), Some(100));
        assert_eq!(threshold(When::Milestone(50), 100), Some(50));
        assert!(!crossed(100, 99));
        assert!(crossed(100, 100));
    }
}
