//! An operator's stories: backing up while signatures pour in, restoring every row and the key,
//! being stopped before overwriting data, upgrading with several processes starting at once,
//! and a binary refusing a database that a newer one upgraded.
use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use rusqlite::types::Value;
use rustition::domain::ids::PetitionId;

use crate::common::{self, http::Browser, process::Server};

const FUTURE: &str = "m20991231_000001_from_the_future";

/// `rustition ARGS` on the data folder `dir`, with `database` or the default SQLite file there.
fn run(dir: &Path, database: Option<&str>, args: &[&str]) -> Output {
    command(dir, database, args).output().expect("run rustition")
}

fn command(dir: &Path, database: Option<&str>, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rustition"));
    command
        .args(args)
        .current_dir(common::repo_root())
        .env("RUSTITION_SERVER__DATA_DIR", dir)
        .env("RUSTITION_MAIL__TRANSPORT", "file")
        .env("RUSTITION_LOG", "warn")
        .stdin(Stdio::null());
    if let Some(url) = database {
        command.env("RUSTITION_DATABASE__URL", url);
    }
    command
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(out: &Output) -> String {
    assert!(!out.status.success(), "expected a refusal: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every row of every table (but the backup's manifest), each table's rows sorted by all columns.
fn contents(path: &Path) -> BTreeMap<String, Vec<Vec<Value>>> {
    let conn = rusqlite::Connection::open(path).expect("open the database");
    let mut statement = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("list tables");
    let tables: Vec<String> = statement.query_map([], |r| r.get(0)).expect("tables").map(Result::unwrap).collect();
    let mut all = BTreeMap::new();
    for table in tables.into_iter().filter(|t| t != "rustition_backup") {
        let columns = conn.prepare(&format!("SELECT * FROM \"{table}\"")).expect("select").column_count();
        let order = (1..=columns).map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
        let mut select = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY {order}")).expect("select");
        let rows = select
            .query_map([], |r| (0..columns).map(|i| r.get::<_, Value>(i)).collect::<Result<Vec<_>, _>>())
            .expect("rows")
            .map(Result::unwrap)
            .collect();
        all.insert(table, rows);
    }
    all
}

fn count(path: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(path).expect("open").query_row(sql, [], |r| r.get(0)).expect("a count")
}

/// Signs petition `id` over HTTP until `stop`, counting each signature taken; any other answer
/// than the redirect to the "check your mail" page is an error.
async fn keep_signing(port: u16, id: PetitionId, who: usize, stop: Arc<AtomicBool>, taken: Arc<AtomicUsize>) {
    let browser = Browser::new(port);
    for i in 0..20_000 {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let token = common::csrf_token(&browser.get(&format!("/p/{id}")).await.text());
        let email = format!("signer{who}-{i}@example.org");
        let fields = [("csrf_token", token.as_str()), ("first_name", "Jane"), ("last_name", "Doe"), ("email", &email)];
        let r = browser.post_form(&format!("/p/{id}/sign"), &fields).await;
        assert_eq!(r.status, 303, "signing during the backup: {}", r.text());
        taken.fetch_add(1, Ordering::SeqCst);
    }
}

async fn until_taken(taken: &AtomicUsize, n: usize) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while taken.load(Ordering::SeqCst) < n {
        assert!(tokio::time::Instant::now() < deadline, "the server never took {n} signatures");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_people_sign_restores_every_row_and_the_secret_key() {
    let root = tempfile::tempdir().expect("temporary folder");
    let data = root.path().join("data");
    let env = [
        ("RUSTITION_SIGNING__PER_CLIENT_PER_MINUTE", "1000000"),
        ("RUSTITION_SIGNING__PER_PETITION_PER_MINUTE", "1000000"),
    ];
    let server = Server::start_with_env(&data, None, &env).await;
    let db_file = data.join("rustition.db");
    let id = common::seed::alice_with_petition(&format!("sqlite://{}?mode=rwc", db_file.display())).await;

    let stop = Arc::new(AtomicBool::new(false));
    let taken = Arc::new(AtomicUsize::new(0));
    let signers: Vec<_> =
        (0..2).map(|who| tokio::spawn(keep_signing(server.port, id, who, stop.clone(), taken.clone()))).collect();
    until_taken(&taken, 30).await;
    let before = taken.load(Ordering::SeqCst);
    let during = root.path().join("during.backup");
    let backup_dir = data.clone();
    let to = during.clone();
    let out = tokio::task::spawn_blocking(move || run(&backup_dir, None, &["backup", "--to", to.to_str().unwrap()]))
        .await
        .expect("the backup ran");
    let stdout = ok(&out);
    assert!(stdout.contains("it holds the secret key"), "the operator is told the key is inside: {stdout}");
    // Restoring under the running server is refused, even forced.
    let (live, from) = (data.clone(), during.clone());
    let out = tokio::task::spawn_blocking(move || {
        run(&live, None, &["restore", "--from", from.to_str().unwrap(), "--force"])
    })
    .await
    .expect("the restore ran");
    assert!(refused(&out).contains("a Rustition server or worker is using"), "{out:?}");
    // People go on signing after the backup, as they did during it.
    until_taken(&taken, taken.load(Ordering::SeqCst) + 30).await;
    stop.store(true, Ordering::SeqCst);
    for signer in signers {
        signer.await.expect("every signature was taken");
    }
    drop(server);

    // The copy is a consistent database of its own, private, holding the key.
    let key = read(&data.join("secret_key"));
    assert_eq!(mode(&during), 0o600);
    assert!(!root.path().join("during.backup-wal").exists(), "a standalone file");
    assert_eq!(count(&during, "SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
    let check: String =
        rusqlite::Connection::open(&during).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let kept: String = rusqlite::Connection::open(&during)
        .unwrap()
        .query_row("SELECT value FROM rustition_backup WHERE name = 'secret_key'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, key.trim());
    let in_backup = count(&during, "SELECT COUNT(*) FROM signatures") as usize;
    let in_source = count(&db_file, "SELECT COUNT(*) FROM signatures") as usize;
    assert_eq!(in_source, taken.load(Ordering::SeqCst), "every signature taken is in the database");
    assert!(before <= in_backup && in_backup < in_source, "{before} ≤ {in_backup} < {in_source}");

    // Restored into a new data folder: every row of the copy, and the key.
    let restored = root.path().join("restored");
    let out = run(&restored, None, &["restore", "--from", during.to_str().unwrap()]);
    let stdout = ok(&out);
    assert!(stdout.contains("secret key is restored"), "{stdout}");
    assert_eq!(contents(&restored.join("rustition.db")), contents(&during));
    assert_eq!(read(&restored.join("secret_key")), key.trim());
    for file in ["secret_key", "rustition.db"] {
        assert_eq!(mode(&restored.join(file)), 0o600, "{file}");
    }
    assert_eq!(mode(&restored), 0o700);

    // Once the server is stopped, a backup restored elsewhere is the database, row for row, and
    // serves the petition.
    let after = root.path().join("after.backup");
    ok(&run(&data, None, &["backup", "--to", after.to_str().unwrap()]));
    let again = root.path().join("again");
    ok(&run(&again, None, &["restore", "--from", after.to_str().unwrap()]));
    let source = contents(&db_file);
    assert!(source["signatures"].len() == in_source && source["users"].len() == 1);
    assert_eq!(contents(&again.join("rustition.db")), source);
    let server = Server::start(&again, None).await;
    let page = server.browser().get(&format!("/p/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Shade in the square"), "{}", page.text());
}

#[test]
fn restore_refuses_to_overwrite_data_without_force_and_refuses_what_is_not_a_backup() {
    let root = tempfile::tempdir().expect("temporary folder");
    let (a, b) = (root.path().join("a"), root.path().join("b"));
    ok(&run(&a, None, &["demo"]));
    let backup = root.path().join("a.backup");
    let backup_arg = backup.to_str().unwrap();
    ok(&run(&a, None, &["backup", "--to", backup_arg]));
    let err = refused(&run(&a, None, &["backup", "--to", a.join("rustition.db").to_str().unwrap()]));
    assert!(err.contains("is the database itself"), "{err}");

    // A new instance, migrated and never used, is empty: the restore goes ahead unasked, and
    // puts the backup's key in place of the one this instance had made, which is kept.
    ok(&run(&b, None, &["migrate"]));
    // (`migrate` needs no key; a server started once would have made this one.)
    let own_key = "the key this instance made".to_string();
    std::fs::write(b.join("secret_key"), &own_key).unwrap();
    let out = run(&b, None, &["restore", "--from", backup_arg]);
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("secret_key.before-restore"));
    assert_eq!(read(&b.join("secret_key")), read(&a.join("secret_key")).trim());
    assert_eq!(read(&b.join("secret_key.before-restore")), own_key);
    assert_eq!(contents(&b.join("rustition.db")), contents(&a.join("rustition.db")));

    // Once it holds data of its own, it is not replaced without --force.
    ok(&run(&b, None, &["mail", "test", "--to", "admin@example.org"]));
    let jobs = "SELECT COUNT(*) FROM mail_queue";
    assert_eq!(count(&b.join("rustition.db"), jobs), 1);
    let err = refused(&run(&b, None, &["restore", "--from", backup_arg]));
    assert!(err.contains("is not empty") && err.contains("--force") && err.contains("mail_queue: 1"), "{err}");
    assert_eq!(count(&b.join("rustition.db"), jobs), 1, "nothing was touched");
    let out = run(&b, None, &["restore", "--from", backup_arg, "--force"]);
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is replaced"));
    assert_eq!(count(&b.join("rustition.db"), jobs), 0);
    assert_eq!(contents(&b.join("rustition.db")), contents(&a.join("rustition.db")));

    // A database that is not a backup, a file that is no database, a missing file.
    for not_backup in [a.join("rustition.db"), common::repo_root().join("Cargo.toml")] {
        let err = refused(&run(&b, None, &["restore", "--from", not_backup.to_str().unwrap(), "--force"]));
        assert!(err.contains("is not a Rustition backup"), "{err}");
    }
    let err = refused(&run(&b, None, &["restore", "--from", root.path().join("nothing").to_str().unwrap()]));
    assert!(err.contains("there is no backup file"), "{err}");

    // A backup that a newer Rustition made.
    let newer = root.path().join("newer.backup");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute("INSERT INTO seaql_migrations (version, applied_at) VALUES (?1, 0)", [FUTURE])
        .unwrap();
    let err = refused(&run(&b, None, &["restore", "--from", newer.to_str().unwrap(), "--force"]));
    assert!(err.contains("made by a newer Rustition") && err.contains(FUTURE), "{err}");
}

fn statuses(out: &Output) -> Vec<(String, String)> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(s, n)| (s.to_string(), n.trim().to_string())))
        .filter(|(s, _)| ["applied", "pending", "unknown"].contains(&s.as_str()))
        .collect()
}

#[tokio::test]
async fn migrate_status_lists_each_migration_pending_then_applied() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = common::fresh_database(dir.path()).await;
    let known = rustition::db::schema::known_migrations();
    let out = run(dir.path(), Some(&db), &["migrate", "--status"]);
    let expected: Vec<_> = known.iter().map(|n| ("pending".to_string(), n.clone())).collect();
    assert_eq!(statuses(&out), expected, "{}", ok(&out));
    assert!(ok(&out).contains(&format!("0 applied, {} pending", known.len())));
    ok(&run(dir.path(), Some(&db), &["migrate"]));
    let out = run(dir.path(), Some(&db), &["migrate", "--status"]);
    let expected: Vec<_> = known.iter().map(|n| ("applied".to_string(), n.clone())).collect();
    assert_eq!(statuses(&out), expected, "{}", ok(&out));
}

/// Runs `command` to its end (a refused start ends at once; one that does not would serve).
fn exits(mut command: Command) -> Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start rustition");
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("rustition did not stop: it started on a database it should refuse");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

#[tokio::test]
async fn a_database_upgraded_by_a_newer_rustition_is_refused_by_migrate_serve_and_worker() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = common::fresh_database(dir.path()).await;
    ok(&run(dir.path(), Some(&db), &["migrate"]));
    let conn = sea_orm::Database::connect(&db).await.expect("connect");
    use sea_orm::ConnectionTrait;
    conn.execute_unprepared(&format!("INSERT INTO seaql_migrations (version, applied_at) VALUES ('{FUTURE}', 0)"))
        .await
        .expect("a migration from the future");
    conn.close().await.expect("close");

    for args in [&["migrate"][..], &["serve"], &["worker"]] {
        let mut command = command(dir.path(), Some(&db), args);
        command.env("RUSTITION_SERVER__PORT", "0");
        let err = refused(&exits(command));
        assert!(
            err.contains("this database was upgraded by a newer Rustition") && err.contains(FUTURE),
            "{args:?}: {err}"
        );
        assert!(err.contains("restore a backup"), "{args:?}: {err}");
    }
    let out = run(dir.path(), Some(&db), &["migrate", "--status"]);
    assert!(statuses(&out).contains(&("unknown".to_string(), FUTURE.to_string())), "{out:?}");
    assert!(refused(&out).contains("newer Rustition"));
}

/// Three processes started together on a new database (PostgreSQL in CI's second run): one
/// migrates, the others wait for its lock and find nothing left to do.
#[tokio::test]
async fn processes_migrating_one_database_at_once_all_succeed_and_migrate_it_once() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = common::fresh_database(dir.path()).await;
    let children: Vec<_> = (0..3)
        .map(|_| {
            let mut command = command(dir.path(), Some(&db), &["migrate"]);
            command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start rustition migrate")
        })
        .collect();
    for child in children {
        ok(&child.wait_with_output().expect("migrate ended"));
    }
    let out = run(dir.path(), Some(&db), &["migrate", "--status"]);
    assert!(statuses(&out).iter().all(|(s, _)| s == "applied"), "{}", ok(&out));
    let conn = sea_orm::Database::connect(&db).await.expect("connect");
    let one = |sql: &'static str| {
        let conn = &conn;
        async move {
            let backend = sea_orm::ConnectionTrait::get_database_backend(conn);
            let row = sea_orm::ConnectionTrait::query_one_raw(conn, sea_orm::Statement::from_string(backend, sql))
                .await
                .expect("query")
                .expect("a row");
            row.try_get_by_index::<i64>(0).expect("a count")
        }
    };
    let known = rustition::db::schema::known_migrations().len() as i64;
    assert_eq!(one("SELECT COUNT(*) FROM seaql_migrations").await, known);
    // The rows a migration seeds are there once.
    assert_eq!(one("SELECT COUNT(*) FROM mail_throttle").await, 1);
    assert_eq!(one("SELECT COUNT(*) FROM settings_version").await, 1);
    let reasons = one("SELECT COUNT(*) FROM report_reasons").await;
    assert_eq!(one("SELECT COUNT(DISTINCT code) FROM report_reasons").await, reasons);
}

/// PostgreSQL is backed up by its own pg_dump (a running database, consistently); the key goes
/// beside the dump. Runs on CI's PostgreSQL pass.
#[tokio::test]
async fn a_postgresql_database_is_backed_up_with_pg_dump_and_its_key_beside_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = common::fresh_database(dir.path()).await;
    if !db.starts_with("postgres") {
        return;
    }
    ok(&run(dir.path(), Some(&db), &["demo"]));
    let to = dir.path().join("dump.pgdump");
    let out = run(dir.path(), Some(&db), &["backup", "--to", to.to_str().unwrap()]);
    if Command::new("pg_dump").arg("--version").output().is_err() {
        assert!(refused(&out).contains("pg_dump cannot be run"));
        return;
    }
    let stdout = ok(&out);
    assert!(stdout.contains("secret key"), "{stdout}");
    assert!(std::fs::read(&to).expect("the dump").starts_with(b"PGDMP"), "pg_dump's custom format");
    let key = dir.path().join("dump.pgdump.secret_key");
    assert_eq!(read(&key), read(&dir.path().join("secret_key")).trim());
    assert_eq!((mode(&to), mode(&key)), (0o600, 0o600));
    let err = refused(&run(dir.path(), Some(&db), &["restore", "--from", to.to_str().unwrap()]));
    assert!(err.contains("pg_restore --clean --if-exists --no-owner"), "{err}");
}
