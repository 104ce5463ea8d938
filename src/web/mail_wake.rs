//! Wakes the mail worker once a form has been answered. Any POST may have queued mail (signing,
//! registration, invitations, resends, the admin's retry), and a wake-up costs the worker one
//! look at the queue, so no handler has to remember it.
use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Method;
use rocket::{Request, Response};

use crate::App;

pub struct WakeMail;

#[rocket::async_trait]
impl Fairing for WakeMail {
    fn info(&self) -> Info {
        Info { name: "wake the mail worker after a form", kind: Kind::Response }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, _: &mut Response<'r>) {
        if req.method() == Method::Post
            && let Some(app) = req.rocket().state::<App>()
        {
            app.mail_wake.notify_one();
        }
    }
}
