//! A petition's newsletter forwarding, as its organisers configure it: its confirmed newsletter
//! opt-ins are passed on, after confirmation and by the notification job (`deliveries`), either
//! as a mail to a list address or as an HTTP POST (JSON or a form) to a URL on the instance's
//! allow-list (`hosts`), with a bearer token or basic credentials sealed with the instance key
//! (`secrets`). Configuring it takes the right to modify the petition and the right to read its
//! signatures: whoever points the opt-ins somewhere can read the addresses there.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use serde::Serialize;

use super::hosts;
use super::secrets::SecretBox;
use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, ModifyPetition, ViewSignatures};
use crate::domain::{DomainError, DomainResult, FieldErrors, email};
use crate::entities::newsletter_forwarding as row;

/// The longest token or password accepted.
pub const SECRET_MAX: usize = 1000;
pub const USERNAME_MAX: usize = 200;

/// Where the opt-ins go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A mail to this list address, through the mail queue.
    Mail(String),
    Http {
        url: String,
        format: Format,
        auth: Auth,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Form,
}

/// How the POST authenticates; the credentials themselves are sealed apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    None,
    /// `Authorization: Bearer <token>`.
    Bearer,
    /// `Authorization: Basic`, for this user name (the password is sealed).
    Basic,
}

impl Format {
    fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Form => "form",
        }
    }

    pub fn parse(s: &str) -> Format {
        if s == "form" { Format::Form } else { Format::Json }
    }
}

impl Auth {
    fn as_str(&self) -> &'static str {
        match self {
            Auth::None => "none",
            Auth::Bearer => "bearer",
            Auth::Basic => "basic",
        }
    }

    pub fn parse(s: &str) -> Auth {
        match s {
            "bearer" => Auth::Bearer,
            "basic" => Auth::Basic,
            _ => Auth::None,
        }
    }
}

/// The form as posted (and as shown: `secret` is never filled in again).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ForwardingInput {
    /// "off", "mail" or "http".
    pub kind: String,
    pub address: String,
    pub url: String,
    /// "json" or "form".
    pub format: String,
    /// "none", "bearer" or "basic".
    pub auth: String,
    /// For basic credentials.
    pub username: String,
    /// The token or password; empty keeps the one stored.
    pub secret: String,
}

/// What the page says of the stored configuration, beside the form.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ForwardingView {
    pub form: ForwardingInput,
    /// Credentials are stored (sealed): the form may leave `secret` empty to keep them.
    pub has_secret: bool,
}

/// The stored configuration of `petition`, if it forwards.
pub async fn stored(db: &impl ConnectionTrait, petition: PetitionId) -> DomainResult<Option<row::Model>> {
    Ok(row::Entity::find_by_id(petition.0).one(db).await?)
}

/// The target of a stored row.
pub fn target(r: &row::Model) -> Target {
    if r.kind == "mail" {
        Target::Mail(r.target.clone())
    } else {
        Target::Http { url: r.target.clone(), format: Format::parse(&r.format), auth: Auth::parse(&r.auth) }
    }
}

/// The form filled with what is stored (the user name of basic credentials opened from the seal,
/// the secret never).
pub async fn view(db: &impl ConnectionTrait, key: &SecretBox, petition: PetitionId) -> DomainResult<ForwardingView> {
    let Some(r) = stored(db, petition).await? else {
        let form =
            ForwardingInput { kind: "off".into(), format: "json".into(), auth: "none".into(), ..Default::default() };
        return Ok(ForwardingView { form, has_secret: false });
    };
    let opened = r.secret_sealed.as_deref().and_then(|s| key.open(s));
    let username = match (r.auth.as_str(), &opened) {
        ("basic", Some(both)) => both.split_once(':').map(|(u, _)| u.to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    let (address, url) =
        if r.kind == "mail" { (r.target.clone(), String::new()) } else { (String::new(), r.target.clone()) };
    let form = ForwardingInput {
        kind: r.kind.clone(),
        address,
        url,
        format: r.format.clone(),
        auth: r.auth.clone(),
        username,
        secret: String::new(),
    };
    Ok(ForwardingView { form, has_secret: r.secret_sealed.is_some() })
}

/// Saves (or, for "off", removes) `petition`'s forwarding. A URL whose host is not on the
/// instance's allow-list `allowed_hosts` is refused beside its field; credentials are sealed
/// with `key` before they are written.
pub async fn save(
    db: &impl ConnectionTrait,
    (can, _read): (&Allowed<ModifyPetition, PetitionId>, &Allowed<ViewSignatures, PetitionId>),
    (key, allowed_hosts): (&SecretBox, &str),
    input: &ForwardingInput,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let petition = can.target();
    let mut errors = FieldErrors::new();
    let before = stored(db, petition).await?;
    let (kind, target, format, auth, sealed) = match input.kind.as_str() {
        "off" => {
            row::Entity::delete_by_id(petition.0).exec(db).await?;
            return Ok(());
        }
        "mail" => match email::normalize(&input.address) {
            Ok(address) => ("mail", address, Format::Json, Auth::None, None),
            Err(e) => {
                errors.insert("forward_address", e);
                return Err(DomainError::Invalid(errors));
            }
        },
        "http" => {
            let url = match hosts::check(&input.url, allowed_hosts) {
                Ok(url) => url.to_string(),
                Err(e) => {
                    errors.insert("forward_url", e);
                    String::new()
                }
            };
            let format = match input.format.as_str() {
                "json" | "form" => Format::parse(&input.format),
                _ => {
                    errors.insert("forward_format", "error-choice-invalid");
                    Format::Json
                }
            };
            let auth = match input.auth.as_str() {
                "none" | "bearer" | "basic" => Auth::parse(&input.auth),
                _ => {
                    errors.insert("forward_auth", "error-choice-invalid");
                    Auth::None
                }
            };
            let sealed = credentials(key, before.as_ref(), &auth, input, &mut errors);
            ("http", url, format, auth, sealed)
        }
        _ => {
            errors.insert("forward_kind", "error-choice-invalid");
            return Err(DomainError::Invalid(errors));
        }
    };
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let r = row::ActiveModel {
        petition_id: Set(petition.0),
        kind: Set(kind.into()),
        target: Set(target),
        format: Set(format.as_str().into()),
        auth: Set(auth.as_str().into()),
        secret_sealed: Set(sealed),
        updated_at: Set(now),
    };
    let columns = [
        row::Column::Kind,
        row::Column::Target,
        row::Column::Format,
        row::Column::Auth,
        row::Column::SecretSealed,
        row::Column::UpdatedAt,
    ];
    row::Entity::insert(r)
        .on_conflict(OnConflict::column(row::Column::PetitionId).update_columns(columns).to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The sealed credentials to store for `auth`: the new secret when one was typed, else the one
/// stored when it was for the same kind of credentials (and, for basic, the same user name).
fn credentials(
    key: &SecretBox,
    before: Option<&row::Model>,
    auth: &Auth,
    input: &ForwardingInput,
    errors: &mut FieldErrors,
) -> Option<String> {
    let secret = input.secret.trim();
    let username = input.username.trim();
    if secret.chars().count() > SECRET_MAX {
        errors.insert("forward_secret", "error-too-long");
        return None;
    }
    let kept = before.filter(|b| b.auth == auth.as_str()).and_then(|b| b.secret_sealed.clone());
    match auth {
        Auth::None => None,
        Auth::Bearer if !secret.is_empty() => Some(key.seal(secret)),
        Auth::Bearer => {
            if kept.is_none() {
                errors.insert("forward_secret", "error-forward-secret-required");
            }
            kept
        }
        Auth::Basic => {
            if username.is_empty() || username.contains(':') || username.chars().count() > USERNAME_MAX {
                errors.insert("forward_username", "error-forward-username-invalid");
                return None;
            }
            let password = if secret.is_empty() {
                // The stored password, kept under a (possibly new) user name.
                kept.as_deref()
                    .and_then(|s| key.open(s))
                    .and_then(|both| both.split_once(':').map(|(_, p)| p.to_string()))
            } else {
                Some(secret.to_string())
            };
            match password {
                Some(password) => Some(key.seal(&format!("{username}:{password}"))),
                None => {
                    errors.insert("forward_secret", "error-forward-secret-required");
                    None
                }
            }
        }
    }
}
