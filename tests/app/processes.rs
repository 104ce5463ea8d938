//! Several `serve` processes on one database (SQLite here, PostgreSQL in CI), as behind a proxy:
//! one of them runs the count batch, and when it dies another takes over.
use std::path::Path;
use std::time::Duration;

use rustition::entities::signature;
use sea_orm::EntityTrait;

use crate::common::{self, process::Server};

const WAIT: Duration = Duration::from_secs(60);
const LEADS: &str = "this process now leads the count batch";

fn leads(log: &Path) -> bool {
    std::fs::read_to_string(log).is_ok_and(|text| text.contains(LEADS))
}

/// Polls `found` every 100 ms until it gives something, or fails the test after `WAIT`.
async fn eventually<T>(what: &str, mut found: impl AsyncFnMut() -> Option<T>) -> T {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(value) = found().await {
            return value;
        }
        assert!(tokio::time::Instant::now() < deadline, "{what}: not within {WAIT:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The petition's page on `server` shows `count` (e.g. "2 signatures").
async fn page_shows(server: &Server, id: i64, count: &str) -> bool {
    server.browser().get(&format!("/p/{id}")).await.text().contains(&format!("<strong>{count}</strong>"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_servers_one_counts_and_the_other_takes_over_when_it_is_killed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let database = common::fresh_database(dir.path()).await;
    // One data folder, so one secret key: a form served by one server is accepted by the other.
    let data = dir.path().join("data");
    let env = [("RUSTITION_SIGNING__COUNT_INTERVAL_MS", "100"), ("RUSTITION_LOG", "warn,rustition::db::leader=info")];
    let logs = [dir.path().join("first.log"), dir.path().join("second.log")];
    let first = Server::start_logged(&data, Some(&database), &env, &logs[0]).await;
    let petition = common::seed::alice_with_petition(&database).await;
    let id = petition.0;
    let second = Server::start_logged(&data, Some(&database), &env, &logs[1]).await;
    let mut servers = [first, second];

    // A signature confirmed through either server is counted once the leader's batch ran, and
    // both pages show it.
    let db = sea_orm::Database::connect(&database).await.expect("connect to the servers' database");
    signature::Entity::insert(common::signature(petition, "Ada", "Lovelace", "ada@example.org"))
        .exec(&db)
        .await
        .expect("a confirmed signature");
    for server in &servers {
        eventually("the first signature counted", async || page_shows(server, id, "1 signature").await.then_some(()))
            .await;
    }
    // Both have been trying at every 100 ms tick since they started: one alone leads.
    let leaders: Vec<usize> = (0..2).filter(|&i| leads(&logs[i])).collect();
    assert_eq!(leaders.len(), 1, "exactly one server leads the count batch: {leaders:?}");
    let (leader, survivor) = (leaders[0], 1 - leaders[0]);

    servers[leader].kill();
    signature::Entity::insert(common::signature(petition, "Grace", "Hopper", "grace@example.org"))
        .exec(&db)
        .await
        .expect("a second confirmed signature");
    let survivor_server = &servers[survivor];
    eventually("the survivor counts the second signature", async || {
        page_shows(survivor_server, id, "2 signatures").await.then_some(())
    })
    .await;
    assert!(leads(&logs[survivor]), "the survivor says it took over the count batch");
    db.close().await.expect("close");
}
