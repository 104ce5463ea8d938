//! The real server binary in a process of its own, over real TCP: what it holds in memory under
//! uploads, how it answers a body past its limit, and who may read the files it writes.
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use crate::common::{self, http::Browser, process::Server};

async fn signed_in(server: &Server) -> Browser {
    let browser = server.browser();
    let token = common::csrf_token(&browser.get("/login").await.text());
    let r = browser
        .post_form("/login", &[("csrf_token", &token), ("login", "alice"), ("password", "alice-password")])
        .await;
    assert_eq!(r.status, 303, "signed in");
    browser
}

/// A `side` × `side` RGBA PNG, all transparent: 4 bytes a pixel once decoded, a few hundred KB
/// as a file. Rows of zeros are compressed once; the second row's deflate block (which only
/// refers back to zeros) stands for every later one.
fn huge_png(side: u32) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let row = vec![0u8; 1 + side as usize * 4];
    let mut z = Compress::new(Compression::best(), true);
    let mut first = Vec::with_capacity(1 << 16);
    let mut next = Vec::with_capacity(1 << 16);
    z.compress_vec(&row, &mut first, FlushCompress::Sync).expect("first row");
    z.compress_vec(&row, &mut next, FlushCompress::Sync).expect("second row");
    assert_eq!(z.total_in(), 2 * row.len() as u64, "both rows compressed whole");
    let mut idat = first;
    for _ in 1..side {
        idat.extend_from_slice(&next);
    }
    // A last, empty block (fixed codes), then the Adler-32 of so many zeros.
    idat.extend_from_slice(&[0x03, 0x00]);
    let total = u64::from(side) * row.len() as u64;
    idat.extend_from_slice(&((((total % 65521) as u32) << 16) | 1).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(&b"IHDR"[..], &ihdr[..]), (b"IDAT", &idat), (b"IEND", b"")] {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        png.extend_from_slice(&crc.sum().to_be_bytes());
    }
    png
}

#[test]
fn the_huge_picture_is_a_real_png() {
    let png = huge_png(300);
    let decoded = image::load_from_memory(&png).expect("decodes").to_rgba8();
    assert_eq!(decoded.dimensions(), (300, 300));
    assert!(decoded.pixels().all(|p| p.0 == [0, 0, 0, 0]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_huge_pictures_uploaded_at_once_are_refused_from_their_header_and_the_server_stays_small() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let database = common::fresh_database(dir.path()).await;
    let server = Server::start(&dir.path().join("data"), Some(&database)).await;
    let id = common::seed::alice_with_petition(&database).await;
    let browser = signed_in(&server).await;
    let token = common::csrf_token(&browser.get(&format!("/dashboard/petitions/{id}/edit/image")).await.text());
    // 7999 × 7999: 256 MB decoded, in a file well under the 2 MB upload limit.
    let png = huge_png(7999);
    assert!(png.len() < 1024 * 1024, "{} bytes", png.len());
    let action = format!("/dashboard/petitions/{id}/image");
    let fields = [("csrf_token", token.as_str()), ("image_alt", "Trees in the square")];
    let upload = || browser.post_file(&action, &fields, ("image", "huge.png", &png));
    let (a, b, c, d) = tokio::join!(upload(), upload(), upload(), upload());
    let peak = server.peak_rss_kib();
    eprintln!("server peak RSS after four 7999 × 7999 uploads: {} MiB", peak / 1024);
    assert!(peak < 200 * 1024, "the server's memory peaked at {} MiB", peak / 1024);
    for r in [a, b, c, d] {
        assert_eq!(r.status, 422, "{}", r.text());
        let html = r.text();
        assert!(html.contains("This image has too many pixels: at most 40 megapixels"), "{html}");
        assert!(html.contains("id=\"image-error\""), "the reason is beside the field: {html}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_past_its_limit_is_read_to_the_end_and_answered_with_a_page_in_the_senders_language() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let database = common::fresh_database(dir.path()).await;
    let server = Server::start(&dir.path().join("data"), Some(&database)).await;
    let id = common::seed::alice_with_petition(&database).await;

    // A signer pastes a book into a field: 6 MiB against the forms' 64 KiB.
    let mut signer = server.browser();
    signer.language = "fr".into();
    let book = "x".repeat(6 * 1024 * 1024);
    let r = signer.post_form(&format!("/p/{id}/sign"), &[("first_name", &book), ("email", "a@example.org")]).await;
    assert_eq!(r.status, 413);
    assert!(r.text().contains("Ce que vous avez envoyé est trop volumineux."), "{}", r.text());
    assert!(r.text().contains("<html lang=\"fr\""), "a page, in French");

    // An organiser uploads 6 MiB against the upload form's 3 MiB.
    let organiser = signed_in(&server).await;
    let token = common::csrf_token(&organiser.get(&format!("/dashboard/petitions/{id}/edit/image")).await.text());
    let photo = vec![0u8; 6 * 1024 * 1024];
    let r = organiser
        .post_file(&format!("/dashboard/petitions/{id}/image"), &[("csrf_token", &token)], ("image", "big.png", &photo))
        .await;
    assert_eq!(r.status, 413);
    assert!(r.text().contains("What you sent is too large."), "{}", r.text());

    // Sent chunked, announcing no length, it is read to the end as well, and answered.
    let action = format!("/dashboard/petitions/{id}/image");
    let r = organiser.post_file_framed(&action, &[("csrf_token", &token)], ("image", "big.png", &photo), true).await;
    assert_eq!(r.status, 411, "{}", r.text());
    assert!(r.text().contains("An upload must announce its size"), "{}", r.text());

    // Signed out (a session that ended, say), the same upload is read too, and its answer
    // arrives; a small one is sent to the login page and back.
    let visitor = server.browser();
    let path = format!("/dashboard/petitions/{id}/image");
    let r = visitor.post_file(&path, &[("csrf_token", &token)], ("image", "big.png", &photo)).await;
    assert_eq!(r.status, 413, "{}", r.text());
    let token = common::csrf_token(&visitor.get("/login").await.text());
    let r = visitor.post_file(&path, &[("csrf_token", &token)], ("image", "small.png", &[0u8; 64])).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(r.header("location").is_some_and(|l| l.starts_with("/login?next=")), "{:?}", r.headers);
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_data_folder_the_database_the_key_and_the_mails_are_readable_by_the_server_alone() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // A data folder made earlier, readable by all, as an older version left it.
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("data folder");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let server = Server::start(&data, None).await;
    let id = common::seed::alice_with_petition(&format!("sqlite://{}/rustition.db?mode=rwc", data.display())).await;

    let signer = server.browser();
    let token = common::csrf_token(&signer.get(&format!("/p/{id}")).await.text());
    let fields =
        [("csrf_token", token.as_str()), ("first_name", "Jane"), ("last_name", "Doe"), ("email", "jane@example.org")];
    assert_eq!(signer.post_form(&format!("/p/{id}/sign"), &fields).await.status, 303, "signed");
    let outbox = data.join("outbox");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let mails = loop {
        let mails: Vec<_> = std::fs::read_dir(&outbox)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "eml")))
            .map(Iterator::collect)
            .unwrap_or_default();
        if !mails.is_empty() {
            break mails;
        }
        assert!(tokio::time::Instant::now() < deadline, "no mail in {}", outbox.display());
        tokio::time::sleep(Duration::from_millis(50)).await;
    };

    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&outbox), 0o700, "the outbox");
    for file in ["rustition.db", "rustition.db-wal", "rustition.db-shm", "secret_key"] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
    for mail in &mails {
        assert_eq!(mode(mail), 0o600, "{}", mail.display());
    }
    drop(server);
}

/// Installed anywhere and started from an empty folder, the binary alone serves a full
/// instance: its templates, translations and static files are inside it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_alone_run_from_an_empty_folder_serves_the_demo_petition() {
    let root = tempfile::tempdir().expect("temporary folder");
    let bin = root.path().join("bin");
    let work = root.path().join("work");
    std::fs::create_dir_all(&bin).expect("bin folder");
    std::fs::create_dir_all(&work).expect("work folder");
    let binary = bin.join("rustition");
    std::fs::copy(env!("CARGO_BIN_EXE_rustition"), &binary).expect("install the binary");

    let out = std::process::Command::new(&binary)
        .arg("demo")
        .current_dir(&work)
        .env("RUSTITION_LOG", "warn")
        .output()
        .expect("run rustition demo");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let url = String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default().to_string();
    let path = url.trim_start_matches("http://127.0.0.1:8000").to_string();
    assert!(path.starts_with("/o/demo/"), "{url}");

    let server = Server::start_from(&work, &binary, &work.join("data"), None).await;
    let browser = server.browser();
    let page = browser.get(&path).await;
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("<html lang=\"en\"") && page.text().contains("Sign"), "{}", page.text());
    let css = browser.get("/static/css/main.css").await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").is_some_and(|t| t.starts_with("text/css")), "{:?}", css.headers);
    assert_eq!(browser.get("/static/../Cargo.toml").await.status, 404);
    let mut french = server.browser();
    french.language = "fr".into();
    assert!(french.get("/login").await.text().contains("Se connecter"), "the French catalog is inside too");
    let entries: Vec<_> = std::fs::read_dir(&work).expect("work folder").flatten().map(|e| e.file_name()).collect();
    assert_eq!(entries, vec![std::ffi::OsString::from("data")], "nothing but the data folder is made");
}
