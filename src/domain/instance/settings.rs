//! The instance's runtime settings: what an admin changes at `/admin/settings` (its name, who may
//! register or create organisations, the banner, "signing paused"…), kept by key in
//! `instance_settings` over the defaults that `config.toml` gives, and applied without a restart.
//!
//! Each process holds one `InstanceSettings` behind `Live` (a read is one lock and an `Arc`
//! clone). Saving replaces it at once in the process that saved; the other processes of a
//! PostgreSQL deployment follow through the one-row `settings_version` table, raised in the
//! save's transaction: every `POLL` each process reads that row (one primary-key lookup) and
//! reloads the settings when its number differs from the one it loaded (see `watch`). Pages
//! cached from the old settings (a petition's, kept a second) follow within their lifetime.
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Serialize;

use crate::config::{Settings, Who};
use crate::domain::audit::{self, Action, Target};
use crate::domain::permissions::{Allowed, ManageInstance};
use crate::domain::{DomainError, DomainResult, FieldErrors};
use crate::entities::{instance_setting, settings_version, user};

/// How often each process looks for settings saved by another.
pub const POLL: Duration = Duration::from_secs(3);

pub const NAME_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 500;
pub const BANNER_MAX: usize = 300;
pub const PAUSED_MESSAGE_MAX: usize = 500;
/// Terms, privacy policy and legal notice, each.
pub const TEXT_MAX: usize = 50_000;
/// Days of personal-data retention after a petition closes, an instance's or a petition's: up
/// to ten years (a petition that needs its signers longer is still open).
pub const RETENTION_DAYS: std::ops::RangeInclusive<u32> = 1..=3650;
/// Values up to this long are written whole into the audit log's reason ("old → new").
const SHORT: usize = 80;

/// Who may create an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Registration {
    Open,
    /// Only visitors holding an organisation's invitation.
    InviteOnly,
    /// Admins create accounts.
    Closed,
}

impl Registration {
    pub const ALL: [Registration; 3] = [Registration::Open, Registration::InviteOnly, Registration::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Registration::Open => "open",
            Registration::InviteOnly => "invite-only",
            Registration::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Registration> {
        Registration::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

fn who_str(who: Who) -> &'static str {
    match who {
        Who::Anyone => "anyone",
        Who::Admins => "admins",
    }
}

fn parse_who(s: &str) -> Option<Who> {
    [Who::Anyone, Who::Admins].into_iter().find(|w| who_str(*w) == s)
}

fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// The settings as every page and rule reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstanceSettings {
    /// Empty: the pages name the instance with the Fluent `site-name`, in the visitor's language.
    pub name: String,
    pub description: String,
    pub registration: Registration,
    #[serde(serialize_with = "serialize_who")]
    pub organisation_creation: Who,
    /// Whether petitions may belong to a person rather than an organisation.
    pub personal_petitions: bool,
    /// Whether a visitor may start a petition at `/new` with only an email address.
    pub guest_petitions: bool,
    /// The theme a new petition starts with.
    pub default_theme: String,
    /// Markdown, shown at `/terms`, `/privacy` and `/legal` and linked in the footer when set.
    pub terms: String,
    pub privacy: String,
    pub legal: String,
    /// A short text on every page.
    pub banner: String,
    pub signing_paused: bool,
    /// What signers are told while signing is paused.
    pub signing_paused_message: String,
    /// Days after closing before signers' personal data is erased, for petitions that set none.
    pub retention_days: u32,
    /// Hosts organisers may have newsletter opt-ins POSTed to, one per line
    /// (`domain::notify::hosts`); empty: none.
    pub newsletter_hosts: String,
}

fn serialize_who<S: serde::Serializer>(who: &Who, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(who_str(*who))
}

impl InstanceSettings {
    /// What the configuration file says, for every key without a row.
    pub fn defaults(config: &Settings) -> InstanceSettings {
        InstanceSettings {
            name: String::new(),
            description: String::new(),
            registration: if config.accounts.registration { Registration::Open } else { Registration::Closed },
            organisation_creation: config.accounts.organisation_creation,
            personal_petitions: true,
            guest_petitions: config.accounts.guest_petitions,
            default_theme: "classic".into(),
            terms: String::new(),
            privacy: String::new(),
            legal: String::new(),
            banner: String::new(),
            signing_paused: false,
            signing_paused_message: String::new(),
            retention_days: config.signing.personal_data_retention_days,
            newsletter_hosts: String::new(),
        }
    }

    /// Every setting by key, as stored.
    pub fn entries(&self) -> [(&'static str, String); 15] {
        [
            ("name", self.name.clone()),
            ("description", self.description.clone()),
            ("registration", self.registration.as_str().into()),
            ("organisation_creation", who_str(self.organisation_creation).into()),
            ("personal_petitions", self.personal_petitions.to_string()),
            ("guest_petitions", self.guest_petitions.to_string()),
            ("default_theme", self.default_theme.clone()),
            ("terms", self.terms.clone()),
            ("privacy", self.privacy.clone()),
            ("legal", self.legal.clone()),
            ("banner", self.banner.clone()),
            ("signing_paused", self.signing_paused.to_string()),
            ("signing_paused_message", self.signing_paused_message.clone()),
            ("retention_days", self.retention_days.to_string()),
            ("newsletter_hosts", self.newsletter_hosts.clone()),
        ]
    }

    /// Sets `key` from its stored text; false for an unknown key or a value that does not parse.
    fn apply(&mut self, key: &str, value: &str) -> bool {
        let text = |field: &mut String| {
            *field = value.to_string();
            true
        };
        match key {
            "name" => text(&mut self.name),
            "description" => text(&mut self.description),
            "default_theme" => text(&mut self.default_theme),
            "terms" => text(&mut self.terms),
            "privacy" => text(&mut self.privacy),
            "legal" => text(&mut self.legal),
            "banner" => text(&mut self.banner),
            "signing_paused_message" => text(&mut self.signing_paused_message),
            "newsletter_hosts" => text(&mut self.newsletter_hosts),
            "registration" => Registration::parse(value).map(|r| self.registration = r).is_some(),
            "organisation_creation" => parse_who(value).map(|w| self.organisation_creation = w).is_some(),
            "personal_petitions" => parse_bool(value).map(|b| self.personal_petitions = b).is_some(),
            "guest_petitions" => parse_bool(value).map(|b| self.guest_petitions = b).is_some(),
            "signing_paused" => parse_bool(value).map(|b| self.signing_paused = b).is_some(),
            "retention_days" => value.parse().map(|d| self.retention_days = d).is_ok(),
            _ => false,
        }
    }

    /// The text at `/terms`, `/privacy` or `/legal`.
    pub fn document(&self, name: &str) -> Option<&str> {
        match name {
            "terms" => Some(&self.terms),
            "privacy" => Some(&self.privacy),
            "legal" => Some(&self.legal),
            _ => None,
        }
        .filter(|text| !text.trim().is_empty())
        .map(String::as_str)
    }
}

/// The settings form as posted, before validation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SettingsInput {
    pub name: String,
    pub description: String,
    pub registration: String,
    pub organisation_creation: String,
    pub personal_petitions: bool,
    pub guest_petitions: bool,
    pub default_theme: String,
    pub terms: String,
    pub privacy: String,
    pub legal: String,
    pub banner: String,
    pub signing_paused: bool,
    pub signing_paused_message: String,
    /// Days, as typed.
    pub retention_days: String,
    /// As typed: hosts separated by lines, spaces or commas.
    pub newsletter_hosts: String,
}

impl SettingsInput {
    /// The form filled with the settings in force.
    pub fn of(s: &InstanceSettings) -> SettingsInput {
        SettingsInput {
            name: s.name.clone(),
            description: s.description.clone(),
            registration: s.registration.as_str().into(),
            organisation_creation: who_str(s.organisation_creation).into(),
            personal_petitions: s.personal_petitions,
            guest_petitions: s.guest_petitions,
            default_theme: s.default_theme.clone(),
            terms: s.terms.clone(),
            privacy: s.privacy.clone(),
            legal: s.legal.clone(),
            banner: s.banner.clone(),
            signing_paused: s.signing_paused,
            signing_paused_message: s.signing_paused_message.clone(),
            retention_days: s.retention_days.to_string(),
            newsletter_hosts: s.newsletter_hosts.clone(),
        }
    }
}

/// The settings `input` asks for, or the errors beside its fields. `themes` are those installed.
pub fn validate(input: &SettingsInput, themes: &[String]) -> Result<InstanceSettings, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut limit = |field: &'static str, value: &str, max: usize| {
        let value = value.trim();
        if value.chars().count() > max {
            errors.insert(field, "error-too-long");
        }
        value.to_string()
    };
    let name = limit("name", &input.name, NAME_MAX);
    let description = limit("description", &input.description, DESCRIPTION_MAX);
    let terms = limit("terms", &input.terms, TEXT_MAX);
    let privacy = limit("privacy", &input.privacy, TEXT_MAX);
    let legal = limit("legal", &input.legal, TEXT_MAX);
    let signing_paused_message = limit("signing_paused_message", &input.signing_paused_message, PAUSED_MESSAGE_MAX);
    let banner = limit("banner", &input.banner, BANNER_MAX);
    // One line: it stands at the top of every page.
    let banner = banner.split_whitespace().collect::<Vec<_>>().join(" ");
    let registration = Registration::parse(&input.registration);
    if registration.is_none() {
        errors.insert("registration", "error-choice-invalid");
    }
    let organisation_creation = parse_who(&input.organisation_creation);
    if organisation_creation.is_none() {
        errors.insert("organisation_creation", "error-choice-invalid");
    }
    if !themes.contains(&input.default_theme) {
        errors.insert("default_theme", "error-choice-invalid");
    }
    if input.signing_paused && signing_paused_message.is_empty() {
        errors.insert("signing_paused_message", "error-paused-message-required");
    }
    let retention_days = input.retention_days.trim().parse::<u32>().ok().filter(|d| RETENTION_DAYS.contains(d));
    if retention_days.is_none() {
        errors.insert("retention_days", "error-retention-days");
    }
    let newsletter_hosts = crate::domain::notify::hosts::normalise(&input.newsletter_hosts).unwrap_or_else(|e| {
        errors.insert("newsletter_hosts", e);
        String::new()
    });
    match (registration, organisation_creation, retention_days) {
        (Some(registration), Some(organisation_creation), Some(retention_days)) if errors.is_empty() => {
            Ok(InstanceSettings {
                name,
                description,
                registration,
                organisation_creation,
                personal_petitions: input.personal_petitions,
                guest_petitions: input.guest_petitions,
                default_theme: input.default_theme.clone(),
                terms,
                privacy,
                legal,
                banner,
                signing_paused: input.signing_paused,
                signing_paused_message,
                retention_days,
                newsletter_hosts,
            })
        }
        _ => Err(errors),
    }
}

/// What the audit log says of a change: the values when short, their lengths when not.
fn change_reason(old: &str, new: &str) -> String {
    let short = |s: &str| s.chars().count() <= SHORT && !s.contains('\n');
    if short(old) && short(new) {
        format!("{old} → {new}")
    } else {
        format!("{} → {} characters", old.chars().count(), new.chars().count())
    }
}

/// The settings in force in this process, and the version they were loaded at.
pub struct Live {
    defaults: InstanceSettings,
    current: RwLock<(i64, Arc<InstanceSettings>)>,
}

impl Live {
    /// Reads the stored settings over `defaults`.
    pub async fn load(db: &impl ConnectionTrait, defaults: InstanceSettings) -> DomainResult<Live> {
        let (version, settings) = read(db, &defaults).await?;
        Ok(Live { defaults, current: RwLock::new((version, Arc::new(settings))) })
    }

    /// The settings as they are now.
    pub fn get(&self) -> Arc<InstanceSettings> {
        self.current.read().unwrap_or_else(|poisoned| poisoned.into_inner()).1.clone()
    }

    fn version(&self) -> i64 {
        self.current.read().unwrap_or_else(|poisoned| poisoned.into_inner()).0
    }

    /// Reloads when another process (or this one) saved since; true if something was read.
    pub async fn refresh(&self, db: &impl ConnectionTrait) -> DomainResult<bool> {
        if stored_version(db).await? == self.version() {
            return Ok(false);
        }
        let (version, settings) = read(db, &self.defaults).await?;
        *self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = (version, Arc::new(settings));
        Ok(true)
    }
}

async fn stored_version(db: &impl ConnectionTrait) -> DomainResult<i64> {
    Ok(settings_version::Entity::find_by_id(1).one(db).await?.map_or(0, |row| row.version))
}

/// The version and the settings, read in that order: a save between the two reads leaves the
/// newer settings under the older number, read again at the next poll.
async fn read(db: &impl ConnectionTrait, defaults: &InstanceSettings) -> DomainResult<(i64, InstanceSettings)> {
    let version = stored_version(db).await?;
    let mut settings = defaults.clone();
    for row in instance_setting::Entity::find().all(db).await? {
        if !settings.apply(&row.key, &row.value) {
            tracing::warn!(key = row.key, "instance setting not understood; its default applies");
        }
    }
    Ok((version, settings))
}

/// Re-reads the settings whenever another process saved them, every `POLL`, until the app stops.
pub async fn watch(live: Arc<Live>, db: DatabaseConnection) {
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = live.refresh(&db).await {
            tracing::warn!(error = %e, "cannot read the instance settings' version");
        }
    }
}

/// Saves the settings `input` asks for: each changed key is stored and written to the audit
/// log, in one transaction that raises the version; this process applies them at once.
/// Returns how many settings changed.
pub async fn save(
    db: &DatabaseConnection,
    (_can, live): (&Allowed<ManageInstance, ()>, &Live),
    actor: &user::Model,
    (input, themes): (&SettingsInput, &[String]),
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let wanted = validate(input, themes).map_err(DomainError::Invalid)?;
    // Compared with what is stored now: a setting another process saved since this one last
    // looked, and which this form did not change, is neither overwritten nor logged again.
    live.refresh(db).await?;
    let before = live.get();
    let changes: Vec<_> = before
        .entries()
        .into_iter()
        .zip(wanted.entries())
        .filter(|((_, old), (_, new))| old != new)
        .map(|((key, old), (_, new))| (key, old, new))
        .collect();
    if changes.is_empty() {
        return Ok(0);
    }
    let txn = crate::db::begin_write(db).await?;
    for (key, old, new) in &changes {
        let row =
            instance_setting::ActiveModel { key: Set(key.to_string()), value: Set(new.clone()), updated_at: Set(now) };
        instance_setting::Entity::insert(row)
            .on_conflict(
                OnConflict::column(instance_setting::Column::Key)
                    .update_columns([instance_setting::Column::Value, instance_setting::Column::UpdatedAt])
                    .to_owned(),
            )
            .exec(&txn)
            .await?;
        let target = Target::new("setting", key, *key);
        audit::record(&txn, Some(actor), Action::SettingChange, target, &change_reason(old, new), now).await?;
    }
    settings_version::Entity::update_many()
        .col_expr(settings_version::Column::Version, Expr::col(settings_version::Column::Version).add(1))
        .filter(sea_orm::ColumnTrait::eq(&settings_version::Column::Id, 1))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    live.refresh(db).await?;
    Ok(changes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_reads_back_as_stored() {
        let mut s = InstanceSettings::defaults(&Settings::default());
        s.registration = Registration::InviteOnly;
        s.organisation_creation = Who::Admins;
        s.signing_paused = true;
        s.banner = "Maintenance tonight".into();
        let mut back = InstanceSettings::defaults(&Settings::default());
        for (key, value) in s.entries() {
            assert!(back.apply(key, &value), "{key}");
        }
        assert_eq!(back, s);
        assert!(!back.apply("registration", "sometimes"));
        assert!(!back.apply("unknown", "x"));
    }

    #[test]
    fn long_values_are_logged_by_their_length() {
        assert_eq!(change_reason("open", "closed"), "open → closed");
        assert_eq!(change_reason("", &"a".repeat(100)), "0 → 100 characters");
    }
}
