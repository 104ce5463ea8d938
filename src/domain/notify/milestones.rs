//! Milestones: the one place that decides when a petition's count reached something worth
//! telling its organisers (and anything else that reacts to the goal).
//!
//! The count is the public one (confirmed signatures, as the count batch last wrote them, plus
//! paper signatures). The milestones are the round numbers 100, 250, 500, 1 000, 2 500, 5 000,
//! 10 000… (1, 2.5 and 5 times a power of ten, from 100), and the goal once reached. Each is
//! recorded in `petition_milestones` when first reached, and mailed then only: a count that
//! falls (invalidated signatures) and climbs again mails nothing more. A count that jumps past
//! several round numbers at once (paper signatures entered, a first run) records and mails only
//! the highest.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set, Statement};

use crate::domain::DomainResult;
use crate::domain::delivery::milestones::{crossed, threshold};
use crate::domain::delivery::settings::When;
use crate::domain::ids::PetitionId;
use crate::entities::petition_milestone as row;

/// The smallest round number.
pub const FIRST: i64 = 100;
/// Petitions looked at per run at most.
const BATCH: u64 = 5000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    /// The count reached this round number.
    Count(i64),
    /// The count reached the petition's goal, this many signatures.
    Goal(i64),
}

impl Milestone {
    fn kind(self) -> &'static str {
        match self {
            Milestone::Count(_) => "count",
            Milestone::Goal(_) => "goal",
        }
    }

    pub fn value(self) -> i64 {
        match self {
            Milestone::Count(n) | Milestone::Goal(n) => n,
        }
    }
}

/// The highest round number at or below `count`, if any.
pub fn highest_round(count: i64) -> Option<i64> {
    let mut best = None;
    let mut power: i64 = 100;
    while power <= count {
        for candidate in [power, power * 5 / 2, power * 5] {
            if candidate <= count {
                best = Some(candidate);
            }
        }
        match power.checked_mul(10) {
            Some(next) => power = next,
            None => break,
        }
    }
    best
}

/// What a petition with `count` signatures and `goal` reaches that was not recorded yet:
/// `top` is the highest round number recorded, `goal_done` whether this goal was.
pub fn newly_reached(count: i64, goal: i64, top: Option<i64>, goal_done: bool) -> Vec<Milestone> {
    let mut out = Vec::new();
    if let Some(round) = highest_round(count)
        && top.is_none_or(|top| round > top)
    {
        out.push(Milestone::Count(round));
    }
    // The goal's rule is the automatic delivery's: the one place that says when a goal is reached.
    if !goal_done && threshold(When::Goal, goal).is_some_and(|at| crossed(at, count)) {
        out.push(Milestone::Goal(goal));
    }
    out
}

/// Records what the published petitions reached since the last run, and returns it (each
/// milestone once, whichever process records it: the table's unique key decides).
pub async fn record_new(db: &impl ConnectionTrait, now: DateTime<Utc>) -> DomainResult<Vec<(PetitionId, Milestone)>> {
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT p.id, p.confirmed_count + p.paper_signatures AS n, p.goal, \
         (SELECT MAX(m.value) FROM petition_milestones m WHERE m.petition_id = p.id AND m.kind = 'count') AS top, \
         (SELECT COUNT(*) FROM petition_milestones m WHERE m.petition_id = p.id AND m.kind = 'goal' AND m.value = p.goal) AS goal_done \
         FROM petitions p WHERE p.status = 'published' \
         AND (p.confirmed_count + p.paper_signatures >= {FIRST} OR (p.goal > 0 AND p.confirmed_count + p.paper_signatures >= p.goal)) \
         ORDER BY p.id LIMIT {BATCH}"
    );
    let rows = db.query_all_raw(Statement::from_string(backend, sql)).await?;
    let mut reached = Vec::new();
    for r in rows {
        let id: i64 = r.try_get("", "id")?;
        let n: i64 = r.try_get("", "n")?;
        let goal: i64 = r.try_get("", "goal")?;
        let top: Option<i64> = r.try_get("", "top")?;
        let goal_done: i64 = r.try_get("", "goal_done")?;
        for milestone in newly_reached(n, goal, top, goal_done > 0) {
            if record(db, PetitionId(id), milestone, now).await? {
                reached.push((PetitionId(id), milestone));
            }
        }
    }
    Ok(reached)
}

/// True when this call recorded it (false: it was already).
async fn record(
    db: &impl ConnectionTrait,
    petition: PetitionId,
    m: Milestone,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let r = row::ActiveModel {
        petition_id: Set(petition.0),
        kind: Set(m.kind().into()),
        value: Set(m.value()),
        reached_at: Set(now),
        ..Default::default()
    };
    let done = row::Entity::insert(r)
        .on_conflict(
            OnConflict::columns([row::Column::PetitionId, row::Column::Kind, row::Column::Value])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(done > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_numbers_and_goals_are_reached_once() {
        assert_eq!(highest_round(99), None);
        assert_eq!(highest_round(100), Some(100));
        assert_eq!(highest_round(249), Some(100));
        assert_eq!(highest_round(250), Some(250));
        assert_eq!(highest_round(4999), Some(2500));
        assert_eq!(highest_round(10_000), Some(10_000));
        assert_eq!(highest_round(i64::MAX).map(|n| n > 0), Some(true));
        assert_eq!(newly_reached(120, 0, None, false), vec![Milestone::Count(100)]);
        assert_eq!(newly_reached(120, 0, Some(100), false), vec![]);
        assert_eq!(newly_reached(600, 0, Some(100), false), vec![Milestone::Count(500)], "only the highest");
        assert_eq!(newly_reached(3, 3, None, false), vec![Milestone::Goal(3)]);
        assert_eq!(newly_reached(3, 3, None, true), vec![]);
        assert_eq!(newly_reached(150, 100, None, false), vec![Milestone::Count(100), Milestone::Goal(100)]);
    }
}
