//! What a stolen database backup gives away: no client address and no live link. The instance
//! is used as people use it (sign from two networks, confirm, sign in, ask for a reset link,
//! invite a member, ask for the list of one's signatures), every token a browser or a mailbox received is collected, and every text
//! column of every table is searched for them and for the clients' addresses.
use crate::common;

use std::net::SocketAddr;
use std::time::Duration;

use common::TestApp;
use rocket::http::{ContentType, Status};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

const WAIT: Duration = Duration::from_secs(10);
const IPV4: &str = "203.0.113.77";
const IPV6: &str = "2001:db8:77::15";

/// Signs `petition` from the client at `remote` through the real form; returns the thank-you
/// page's withdrawal link, which the browser keeps.
async fn sign_from(t: &TestApp, remote: &str, petition: i64, email: &str) -> String {
    let (_, page) = t.get(&format!("/p/{petition}")).await;
    let fields = [
        ("csrf_token", common::csrf_token(&page)),
        ("first_name", "Ada".to_string()),
        ("last_name", "Lovelace".to_string()),
        ("email", email.to_string()),
    ];
    let body = fields.iter().map(|(k, v)| format!("{k}={}", common::encode(v))).collect::<Vec<_>>().join("&");
    let remote: SocketAddr = remote.parse().expect("an address");
    let r = t
        .client
        .post(format!("/p/{petition}/sign"))
        .remote(remote)
        .header(ContentType::Form)
        .body(body)
        .dispatch()
        .await;
    assert_eq!(r.status(), Status::SeeOther, "signed from {remote}");
    r.cookies().get("pending").expect("the thank-you page's link").value().to_string()
}

/// The last path segment of every link in `mail`: the tokens it carries.
fn tokens_in(mail: &common::smtp::Received) -> Vec<String> {
    mail.text()
        .split_whitespace()
        .filter(|w| w.starts_with("http://petitions.test/"))
        .filter_map(|link| link.rsplit('/').next().map(str::to_string))
        .filter(|token| token.len() >= 20)
        .collect()
}

/// Every (table, column) whose values are text, on either database.
async fn text_columns(t: &TestApp) -> Vec<(String, String)> {
    let db = &t.app().db;
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND (p.type LIKE '%CHAR%' OR p.type LIKE '%TEXT%' \
             OR p.type LIKE '%CLOB%' OR p.type = '')"
        }
        _ => {
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() \
             AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')"
        }
    };
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect("the schema");
    rows.iter()
        .map(|r| (r.try_get_by_index::<String>(0).expect("table"), r.try_get_by_index::<String>(1).expect("column")))
        .collect()
}

/// The (table, column) pairs holding `needle` anywhere in a value.
async fn found(t: &TestApp, columns: &[(String, String)], needle: &str) -> Vec<String> {
    let db = &t.app().db;
    let mut hits = Vec::new();
    for (table, column) in columns {
        let sql = format!("SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE $1");
        let row = db
            .query_one_raw(Statement::from_sql_and_values(
                db.get_database_backend(),
                sql,
                [format!("%{needle}%").into()],
            ))
            .await
            .expect("a count")
            .expect("one row");
        if row.try_get_by_index::<i64>(0).expect("a number") > 0 {
            hits.push(format!("{table}.{column}"));
        }
    }
    hits
}

#[rocket::async_test]
async fn no_table_holds_a_client_address_or_a_token_in_clear() {
    let t = TestApp::start().await;
    let petition = t.petition().await.0;
    t.user("ana", false).await;

    // Signers from two networks; one confirms.
    let mut secrets = vec![
        sign_from(&t, &format!("{IPV4}:40000"), petition, "ada@example.org").await,
        sign_from(&t, &format!("[{IPV6}]:40000"), petition, "grace@example.org").await,
    ];
    let mails = t.smtp.wait_for(2, WAIT).await;
    // Each confirmation mail carries two links: confirm, and withdraw.
    secrets.extend(mails.iter().flat_map(tokens_in));
    let confirm = mails[0].link_containing("/confirm/").expect("a confirmation link");
    let confirm = confirm.trim_start_matches("http://petitions.test");
    assert_eq!(t.submit(confirm, confirm, &[]).await.status(), Status::SeeOther);

    // An account: its session, a reset link, an invitation.
    let r = t.submit("/login", "/login", &[("login", "ana"), ("password", "ana-password")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    secrets.push(r.cookies().get("session").expect("a session").value().to_string());
    let r = t.new_organisation(&[("name", "Friends"), ("slug", "friends"), ("website", "")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let r = t.invite("friends", "carol@example.org").await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, page) = t.get("/dashboard").await;
    secrets.push(common::csrf_token(&page));
    t.submit("/", "/logout", &[]).await;
    let r = t.submit("/password/forgot", "/password/forgot", &[("email", "ana@example.org")]).await;
    assert_eq!(r.status(), Status::Ok);
    // A signer's link to the list of their signatures.
    let r = t.submit("/my-signatures", "/my-signatures", &[("email", "ada@example.org")]).await;
    assert_eq!(r.status(), Status::Ok);
    let mails = t.smtp.wait_for(5, WAIT).await;
    secrets.extend(mails[2..].iter().flat_map(tokens_in));

    assert!(secrets.len() >= 11, "the flows above handed out their tokens: {secrets:?}");
    // A mail waiting to leave must hold its link; once sent, it holds none.
    let deadline = std::time::Instant::now() + WAIT;
    while t.count("SELECT COUNT(*) FROM mail_queue WHERE status <> 'sent'").await > 0 {
        assert!(std::time::Instant::now() < deadline, "every mail is recorded as sent");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let columns = text_columns(&t).await;
    assert!(columns.iter().any(|(table, column)| table == "signatures" && column == "client_key"));
    for needle in [IPV4, IPV6, "2001:db8"].iter().map(|s| s.to_string()).chain(secrets) {
        assert_eq!(found(&t, &columns, &needle).await, Vec::<String>::new(), "{needle} is stored in clear");
    }
    // The search itself finds what is there.
    assert!(found(&t, &columns, "ada@example.org").await.contains(&"signatures.email".to_string()));
}
