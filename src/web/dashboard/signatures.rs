//! A petition's signatures in the dashboard: the searchable list, deleting (after a
//! confirmation page), sending the confirmation again, streamed CSV and JSON exports, and the
//! daily chart.
use rocket::futures::StreamExt;
use rocket::futures::stream::{self, Stream};
use rocket::http::{ContentType, Header};
use rocket::response::stream::ByteStream;
use rocket::response::{self, Redirect, Responder};
use rocket::{Request, get, post, routes};
use sea_orm::DatabaseConnection;

use crate::App;
use crate::domain::ids::{PetitionId, SignatureId};
use crate::domain::permissions::{self, Allowed, DeleteSignatures, ModifySignatures, SeePetition, ViewSignatures};
use crate::domain::signature::export::{self, Column, Header as ColumnHeader};
use crate::domain::signature::signature_admin::{self, Cursor, Which};
use crate::domain::{DomainError, FieldErrors, now, petition::editing, petition::petitions, petition::stats};
use crate::entities::user;
use crate::web::chart::chart;
use crate::web::context::{AppState, Ctx, Signed, SignedIn, flash};
use crate::web::csrf::{CsrfForm, TokenOnly};
use crate::web::error::WebResult;
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![list, delete_page, delete, resend_one, resend_pending, export_csv, export_json, stats_page, stats_svg]
}

/// The petition as its page shows it, whatever its status (drafts have signatures from tests
/// of the form, closed ones keep theirs).
async fn petition(app: &App, id: PetitionId) -> WebResult<petitions::PublicPetition> {
    Ok(petitions::any_by_id(&app.db, id).await?)
}

async fn list_view(
    app: &App,
    (ctx, user): (&Ctx, &user::Model),
    can: &Allowed<ViewSignatures, PetitionId>,
    (which, q, cursor): (&str, &str, Cursor),
    errors: &FieldErrors,
) -> WebResult<Page> {
    let id = can.target();
    let listing = signature_admin::list(&app.db, can, Which::parse(which), q, cursor).await?;
    let p = petition(app, id).await?;
    let mut extra = tera::Context::new();
    extra.insert("retention", &p.retention.notice(app.instance.get().retention_days));
    extra.insert("petition", &p);
    extra.insert("signatures", &listing);
    extra.insert("counts", &listing.counts);
    extra.insert("filter", &serde_json::json!({ "which": which, "q": q }));
    extra.insert("page_query", &crate::web::page::query_string(&[("which", Some(which)), ("q", Some(q))]));
    extra.insert("errors", errors);
    extra.insert("may", &super::edit::rights(app, user, &editing::load(&app.db, id).await?).await?);
    ctx.page(app, "dashboard/signatures.html", extra)
}

/// Keyset pages: `before=<id>` (the next, older page), `after=<id>` (the previous, newer one),
/// `last` (the oldest signatures); none of them: the newest.
#[get("/dashboard/petitions/<id>/signatures?<which>&<q>&<before>&<after>&<last>")]
async fn list(
    s: Signed<'_>,
    id: PetitionId,
    which: Option<&str>,
    q: Option<&str>,
    before: Option<i64>,
    after: Option<i64>,
    last: Option<&str>,
) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::petition::<ViewSignatures>(&app.db, user, id).await?;
    let cursor = match (before, after, last) {
        (Some(id), _, _) => Cursor::Before(SignatureId(id)),
        (None, Some(id), _) => Cursor::After(SignatureId(id)),
        (None, None, Some(_)) => Cursor::Last,
        (None, None, None) => Cursor::First,
    };
    list_view(app, (ctx, user), &can, (which.unwrap_or("all"), q.unwrap_or(""), cursor), &FieldErrors::new()).await
}

#[get("/dashboard/petitions/<id>/signatures/<sig>/delete")]
async fn delete_page(s: Signed<'_>, id: PetitionId, sig: SignatureId) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::petition::<DeleteSignatures>(&app.db, user, id).await?;
    let mut extra = tera::Context::new();
    extra.insert("petition", &petition(app, id).await?);
    extra.insert("signature", &signature_admin::get(&app.db, &can, sig).await?);
    ctx.page(app, "dashboard/signature_delete.html", extra)
}

#[post("/dashboard/petitions/<id>/signatures/<sig>/delete", data = "<_form>")]
async fn delete(s: Signed<'_>, id: PetitionId, sig: SignatureId, _form: CsrfForm<TokenOnly>) -> WebResult<Redirect> {
    let Signed { app, user, jar, .. } = s;
    let can = permissions::petition::<DeleteSignatures>(&app.db, user, id).await?;
    signature_admin::delete(&app.db, &can, sig).await?;
    flash(jar, "success", "flash-signature-deleted");
    Ok(Redirect::to(format!("/dashboard/petitions/{id}/signatures")))
}

fn valid_for(app: &App) -> chrono::Duration {
    chrono::Duration::hours(i64::from(app.settings.signing.confirmation_valid_hours))
}

#[post("/dashboard/petitions/<id>/signatures/<sig>/resend", data = "<_form>")]
async fn resend_one(
    s: Signed<'_>,
    id: PetitionId,
    sig: SignatureId,
    _form: CsrfForm<TokenOnly>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let can = permissions::petition::<ModifySignatures>(&app.db, user, id).await?;
    let p = petition(app, id).await?;
    match signature_admin::resend_one(
        &app.db,
        (&can, &p),
        sig,
        (valid_for(app), now()),
        (&app.composer, &app.withdraw_key),
    )
    .await
    {
        Ok(()) => {
            flash(jar, "success", "flash-confirmation-resent");
            Ok(Ok(Redirect::to(format!("/dashboard/petitions/{id}/signatures"))))
        }
        Err(DomainError::Refused(message)) => {
            let errors = FieldErrors::from([("resend", message)]);
            let view = permissions::petition::<ViewSignatures>(&app.db, user, id).await?;
            let page = list_view(app, (ctx, user), &view, ("all", "", Cursor::First), &errors).await?;
            Ok(Err(page.with_status(rocket::http::Status::Conflict)))
        }
        Err(e) => Err(e.into()),
    }
}

#[post("/dashboard/petitions/<id>/signatures/resend", data = "<_form>")]
async fn resend_pending(s: Signed<'_>, id: PetitionId, _form: CsrfForm<TokenOnly>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let can = permissions::petition::<ModifySignatures>(&app.db, user, id).await?;
    let p = petition(app, id).await?;
    let queued = signature_admin::resend_pending(
        &app.db,
        (&can, &p),
        (valid_for(app), now()),
        (&app.composer, &app.withdraw_key),
    )
    .await?;
    let mut extra = tera::Context::new();
    extra.insert("petition", &p);
    extra.insert("queued", &queued);
    ctx.page(app, "dashboard/resent.html", extra)
}

/// A streamed download: the body is produced batch by batch while it is sent.
struct Download<S> {
    kind: ContentType,
    filename: String,
    body: ByteStream<S>,
}

impl<'r, S> Responder<'r, 'r> for Download<S>
where
    S: Stream<Item = Vec<u8>> + Send + 'r,
{
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'r> {
        let mut res = self.body.respond_to(req)?;
        res.set_header(self.kind);
        res.set_header(Header::new("Content-Disposition", format!("attachment; filename=\"{}\"", self.filename)));
        res.set_header(Header::new("Cache-Control", "no-store"));
        Ok(res)
    }
}

/// Batches of signatures after the last one seen, until a short batch. The next batch is read
/// while this one is written out (the read runs on sqlx's SQLite thread, or PostgreSQL's
/// server; the writing on the runtime's), so at most two batches are in memory. A database
/// error ends the file early; it is logged, since the status line is already sent.
fn batches<F>(
    db: DatabaseConnection,
    can: Allowed<ViewSignatures, PetitionId>,
    which: Which,
    render: F,
) -> impl Stream<Item = Vec<u8>>
where
    F: FnMut(Vec<export::Row>) -> Vec<u8> + Send + 'static,
{
    type Rows = crate::domain::DomainResult<Vec<export::Row>>;
    let id = can.target();
    let can = std::sync::Arc::new(can);
    let read = move |after: Option<export::After>| -> tokio::task::JoinHandle<Rows> {
        let (db, can) = (db.clone(), can.clone());
        tokio::spawn(async move { export::batch(&db, &can, which, after).await })
    };
    // `None` once done.
    stream::unfold(Some(read(None)), move |reading| {
        let read = read.clone();
        async move {
            let rows = match reading?.await {
                Ok(Ok(rows)) => rows,
                Ok(Err(e)) => {
                    tracing::error!(error = %e, petition = %id, "export stopped by a database error");
                    return None;
                }
                Err(e) => {
                    tracing::error!(error = %e, petition = %id, "export stopped: its read task failed");
                    return None;
                }
            };
            let last = rows.last().map(export::After::row)?;
            let next = (rows.len() as u64 == export::BATCH).then(|| read(Some(last)));
            Some((rows, next))
        }
    })
    .map(render)
}

fn headers(app: &App, lang: &str, cols: &[Column]) -> Vec<Option<String>> {
    cols.iter()
        .map(|c| {
            Some(match c.header() {
                ColumnHeader::Fluent(key) => app.i18n.tr(lang, key, None),
                ColumnHeader::Text(label) => label.to_string(),
            })
        })
        .collect()
}

fn filename(p: &petitions::PublicPetition, ext: &str) -> String {
    let stem = crate::domain::petition::permalinks::suggest(&p.title);
    format!("signatures-{}-{}.{ext}", p.id, if stem.is_empty() { "petition".into() } else { stem })
}

/// What both exports start from, once the user may see the signatures: the petition and the
/// columns it asks for.
async fn export_of(
    app: &App,
    user: &user::Model,
    id: PetitionId,
) -> WebResult<(Allowed<ViewSignatures, PetitionId>, petitions::PublicPetition, Vec<Column>)> {
    let can = permissions::petition::<ViewSignatures>(&app.db, user, id).await?;
    let p = petition(app, id).await?;
    let multilingual = !crate::domain::petition::translations::of_petition(&app.db, id).await?.is_empty();
    let cols = export::columns(&p, multilingual);
    Ok((can, p, cols))
}

#[get("/dashboard/petitions/<id>/export.csv?<which>")]
async fn export_csv(
    s: Signed<'_>,
    id: PetitionId,
    which: Option<&str>,
) -> WebResult<Download<impl Stream<Item = Vec<u8>> + use<>>> {
    let Signed { app, ctx, user, .. } = s;
    let (can, p, cols) = export_of(app, user, id).await?;
    let head = export::csv_lines([headers(app, &ctx.lang, &cols)]);
    let erased = app.i18n.tr(&ctx.lang, "signature-erased", None);
    let rows = batches(app.db.clone(), can, Which::parse(which.unwrap_or("all")), move |batch| {
        export::csv_lines(batch.iter().map(|s| export::csv_row(&cols, s, &erased)))
    });
    let body = stream::iter([head]).chain(rows);
    Ok(Download { kind: ContentType::CSV, filename: filename(&p, "csv"), body: ByteStream(body) })
}

#[get("/dashboard/petitions/<id>/export.json?<which>")]
async fn export_json(
    app: &AppState,
    user: SignedIn<'_>,
    id: PetitionId,
    which: Option<&str>,
) -> WebResult<Download<impl Stream<Item = Vec<u8>> + use<>>> {
    let (can, p, cols) = export_of(app, user.0, id).await?;
    let mut first = true;
    let rows = batches(app.db.clone(), can, Which::parse(which.unwrap_or("all")), move |batch| {
        let mut out = Vec::with_capacity(batch.len() * 200);
        for s in &batch {
            out.extend_from_slice(if first { b"\n" } else { b",\n" });
            first = false;
            // Serialising a JSON value to a Vec cannot fail.
            if let Err(e) = serde_json::to_writer(&mut out, &export::json_object(&cols, s)) {
                tracing::error!(error = %e, "json export: a row could not be written");
            }
        }
        out
    });
    let body = stream::iter([b"[".to_vec()]).chain(rows).chain(stream::iter([b"\n]\n".to_vec()]));
    Ok(Download { kind: ContentType::JSON, filename: filename(&p, "json"), body: ByteStream(body) })
}

#[get("/dashboard/petitions/<id>/stats")]
async fn stats_page(s: Signed<'_>, id: PetitionId) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    permissions::petition::<SeePetition>(&app.db, user, id).await?;
    let stats = stats::per_day(&app.db, id).await?;
    let mut extra = tera::Context::new();
    extra.insert("petition", &petition(app, id).await?);
    extra.insert("chart", &chart(&stats));
    extra.insert("stats", &stats);
    ctx.page(app, "dashboard/stats.html", extra)
}

/// The chart alone, for saving or embedding in a report.
#[get("/dashboard/petitions/<id>/stats.svg")]
async fn stats_svg(s: Signed<'_>, id: PetitionId) -> WebResult<(ContentType, String)> {
    let Signed { app, ctx, user, .. } = s;
    permissions::petition::<SeePetition>(&app.db, user, id).await?;
    let stats = stats::per_day(&app.db, id).await?;
    let mut extra = ctx.base(app);
    extra.insert("petition", &petition(app, id).await?);
    extra.insert("chart", &chart(&stats));
    extra.insert("standalone", &true);
    let svg = app
        .views
        .render("dashboard/chart.html", &extra)
        .map_err(|e| crate::web::error::WebError::internal(e.to_string()))?;
    Ok((ContentType::SVG, svg))
}
