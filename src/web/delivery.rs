//! A delivery's public pages, opened by the token of the mailed link (`/delivery/<token>`):
//! the petition as delivered, with its count, its signatures per day and, for a petition that
//! lists them, the names signers agreed to show; the delivery file as CSV, streamed batch by
//! batch; and a page made to be printed. A token that names no delivery is "not found".
use rocket::futures::stream::{self, Stream, StreamExt};
use rocket::http::{ContentType, Header};
use rocket::response::{self, Responder, stream::ByteStream};
use rocket::{Request, get, routes};

use crate::domain::DomainError;
use crate::domain::delivery::page::{self, Delivery};
use crate::domain::petition::petitions::render_markdown;
use crate::domain::petition::stats;
use crate::domain::signature::{export, public_names};
use crate::web::chart::chart;
use crate::web::context::{AppState, Ctx};
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![delivery_page, print_page, file]
}

/// The delivery of `token`; 410 with the reason once moderators withhold its petition.
async fn found(app: &AppState, token: &str) -> WebResult<Delivery> {
    page::by_token(&app.db, token).await.map_err(|e| match e {
        DomainError::Refused(page::WITHHELD) => WebError::new(rocket::http::Status::Gone, page::WITHHELD),
        e => e.into(),
    })
}

/// What both pages show.
fn context(d: &Delivery, token: &str) -> tera::Context {
    let mut extra = tera::Context::new();
    extra.insert("petition", &d.petition);
    extra.insert("text_html", &render_markdown(&d.petition.text));
    extra.insert("delivered_at", &d.at.to_rfc3339());
    extra.insert("trigger", &d.trigger);
    extra.insert("delivered_count", &d.count);
    extra.insert("addressees", &d.addressees);
    extra.insert("base", &crate::domain::delivery::deliver::path(token));
    extra
}

#[get("/delivery/<token>?<before>")]
async fn delivery_page(app: &AppState, ctx: &Ctx, token: &str, before: Option<i64>) -> WebResult<Page> {
    let d = found(app, token).await?;
    let mut extra = context(&d, token);
    let mut per_day = stats::per_day(&app.db, d.petition.id).await?;
    // Addressees are shown what counts: confirmed signatures.
    per_day.days.iter_mut().for_each(|day| day.pending = 0);
    extra.insert("chart", &chart(&per_day));
    extra.insert("days", &per_day.days.iter().filter(|day| day.confirmed > 0).collect::<Vec<_>>());
    if d.petition.fields.lists_names() {
        extra.insert("names", &public_names::page(&app.db, d.petition.id, before).await?);
    }
    ctx.page(app, "delivery/page.html", extra)
}

#[get("/delivery/<token>/print")]
async fn print_page(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Page> {
    let d = found(app, token).await?;
    ctx.page(app, "delivery/print.html", context(&d, token))
}

/// The file streamed while it is sent, as an attachment.
struct Download<S>(ByteStream<S>);

impl<'r, S> Responder<'r, 'r> for Download<S>
where
    S: Stream<Item = Vec<u8>> + Send + 'r,
{
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'r> {
        let mut res = self.0.respond_to(req)?;
        res.set_header(ContentType::CSV);
        res.set_header(Header::new("Content-Disposition", "attachment; filename=\"signatures.csv\""));
        res.set_header(Header::new("Cache-Control", "no-store"));
        Ok(res)
    }
}

/// The delivery file: one line per confirmed signature (its number, the day it was confirmed,
/// the name when shown). A database error ends the file early; it is logged, since the status
/// line is already sent.
#[get("/delivery/<token>/signatures.csv")]
async fn file(app: &AppState, ctx: &Ctx, token: &str) -> WebResult<Download<impl Stream<Item = Vec<u8>> + use<>>> {
    let d = found(app, token).await?;
    let tr = |key| app.i18n.tr(&ctx.lang, key, None);
    let head = export::csv_lines([vec![
        Some(tr("delivery-file-number")),
        Some(tr("delivery-file-confirmed")),
        Some(tr("delivery-file-name")),
    ]]);
    let (db, petition) = (app.db.clone(), std::sync::Arc::new(d.petition));
    let rows = stream::unfold(Some((0_i64, 0_u64)), move |state| {
        let (db, petition) = (db.clone(), petition.clone());
        async move {
            let (after, n) = state?;
            match page::lines(&db, &petition, after).await {
                Ok(lines) if lines.is_empty() => None,
                Ok(lines) => {
                    let next = lines.last().map(|l| (l.id, n + lines.len() as u64));
                    let rows = lines.iter().enumerate().map(|(i, l)| {
                        vec![
                            Some((n + i as u64 + 1).to_string()),
                            Some(l.confirmed_at.date_naive().to_string()),
                            l.name.clone(),
                        ]
                    });
                    Some((export::csv_lines(rows.collect::<Vec<_>>()), next))
                }
                Err(e) => {
                    tracing::error!(error = %e, petition = %petition.id, "delivery file stopped by a database error");
                    None
                }
            }
        }
    });
    Ok(Download(ByteStream(stream::iter([head]).chain(rows))))
}
