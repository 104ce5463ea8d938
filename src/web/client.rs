//! The `Client` request guard: the keyed hash of the asking client's address. Rocket reads the
//! address from the trusted proxy's header when `server.ip_header` is configured, else from the
//! connection; nothing else may be trusted to say who is asking.
use rocket::request::{FromRequest, Outcome, Request};

use crate::App;
use crate::domain::client::ClientKey;

#[derive(Debug, Clone)]
pub struct Client(pub ClientKey);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Client {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let key = req
            .rocket()
            .state::<App>()
            .map(|app| app.client_keys.of(req.client_ip()))
            .unwrap_or_else(|| crate::domain::client::ClientKeys::new(Vec::new()).of(None));
        Outcome::Success(Client(key))
    }
}
