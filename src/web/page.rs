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
        Response::build()
            .status(self.status)
            .header(ContentType::HTML)
            .sized_body(self.html.len(), std::io::Cursor::new(self.html))
            .ok()
    }
}
