//! Data written straight into a database that a server process (not the in-process app) serves:
//! tests that start the real binary need an organiser and a petition before the first request.
use rustition::domain::account::accounts::{self, NewAccount};
use rustition::domain::ids::PetitionId;
use rustition::domain::permissions;
use rustition::domain::petition::petitions::{self, Content, NewPetition, OwnerId, Status};

/// An account `alice` (password `alice-password`) with a published petition at `/u/alice/shade`.
pub async fn alice_with_petition(database: &str) -> PetitionId {
    let db = sea_orm::Database::connect(database).await.expect("connect to the server's database");
    let account = NewAccount {
        username: "alice".into(),
        email: "alice@example.org".into(),
        password: "alice-password".into(),
        verified: true,
        ..Default::default()
    };
    let alice = accounts::create(&db, account).await.expect("create alice");
    let content = Content { title: "Shade in the square".into(), text: "Plant trees.".into(), ..Default::default() };
    let new = NewPetition {
        content,
        slug: Some("shade".into()),
        status: Status::Published,
        locale: "en".into(),
        wizard_step: None,
    };
    let id =
        petitions::create(&db, &permissions::operator(OwnerId::User(alice)), new).await.expect("create the petition");
    db.close().await.expect("close");
    id
}
