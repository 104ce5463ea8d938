//! An HTML page with its status.
use rocket::Request;
use rocket::http::{ContentType, Status};
use rocket::response::{self, Responder, Response};

#[derive(Debug)]
pub struct Page {
    pub status: Status,
    pub html: String,
}

impl Page {
    pub fn ok(html: String) -> Page {
        Page { status: Status::Ok, html }
    }

    pub fn with_status(mut self, status: Status) -> Page {
        self.status = status;
        self
    }
}

impl<'r> Responder<'r, 'static> for Page {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        // One chunk for the whole page (Rocket reads bodies 4 KiB at a time by default): fewer
        // copies and writes for a page served tens of thousands of times a second.
        let len = self.html.len();
        Response::build()
            .status(self.status)
            .header(ContentType::HTML)
            .sized_body(len, std::io::Cursor::new(self.html))
            .max_chunk_size(len.clamp(4096, 64 * 1024))
            .ok()
    }
}

/// The filters of a list, encoded for its pagination links (`status=draft&q=…`).
pub fn query_string(pairs: &[(&str, Option<&str>)]) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        query.append_pair(k, v.unwrap_or(""));
    }
    query.finish()
}
