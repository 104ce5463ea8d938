//! The command line is a contract: operators and docs rely on it.
use crate::common;

use std::process::Command;

fn rustition(dir: &std::path::Path, db: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rustition"))
        .args(args)
        .current_dir(common::repo_root())
        .env("RUSTITION_SERVER__DATA_DIR", dir)
        .env("RUSTITION_DATABASE__URL", db)
        .env("RUSTITION_LOG", "warn")
        .output()
        .expect("run rustition")
}

#[tokio::test]
async fn demo_seeds_once_and_prints_the_petition_url_last() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    for _ in 0..2 {
        let out = rustition(dir.path(), &db, &["demo"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let last = stdout.lines().last().unwrap();
        assert_eq!(last, "http://127.0.0.1:8000/o/demo/more-trees-in-our-streets");
    }
    let conn = sea_orm::Database::connect(&db).await.unwrap();
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(rustition::entities::petition::Entity::find().count(&conn).await.unwrap(), 1, "seeded once");
}

#[tokio::test]
async fn migrate_and_mail_commands_work_on_a_fresh_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let out = rustition(dir.path(), &db, &["migrate"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = rustition(dir.path(), &db, &["mail", "test", "--to", "admin@example.org"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = rustition(dir.path(), &db, &["mail", "status"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("queued   1"));
    let out = rustition(dir.path(), &db, &["mail", "test", "--to", "not an address"]);
    assert!(!out.status.success());
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["backup", "--help"],
        &["restore", "--help"],
        &["worker", "--help"],
        &["demo", "--help"],
        &["i18n", "check", "--help"],
        &["i18n", "stats", "--help"],
        &["mail", "test", "--help"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_rustition")).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"), "{args:?}");
    }
}

#[test]
fn a_bad_configuration_is_refused_with_every_problem_listed() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "[mail]\ntransport = \"smtp\"\nfrom = \"nobody\"\n[database]\nurl = \"mysql://x\"\n")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rustition"))
        .args(["--config", config.to_str().unwrap(), "migrate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("smtp_url") && err.contains("[mail] from") && err.contains("[database] url"), "{err}");
}

#[tokio::test]
async fn admin_create_reads_the_password_from_standard_input() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let run = |password: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rustition"))
            .args(["admin", "create", "--username", "root", "--email", "root@example.org"])
            .current_dir(common::repo_root())
            .env("RUSTITION_SERVER__DATA_DIR", dir.path())
            .env("RUSTITION_DATABASE__URL", &db)
            .env("RUSTITION_LOG", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(format!("{password}\n").as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let short = run("short");
    assert_eq!(short.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&short.stderr).contains("Password: Use at least 10 characters."));
    let ok = run("a long enough secret");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let conn = sea_orm::Database::connect(&db).await.unwrap();
    let user = rustition::domain::account::accounts::authenticate(&conn, "root", "a long enough secret").await.unwrap();
    assert!(user.is_some_and(|u| u.is_admin && u.password_hash.starts_with("$argon2id$")));
}
