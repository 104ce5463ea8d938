//! Keys built at run time (`t(key="status-" ~ petition.status)`, `format!("document-{name}")`),
//! which no search for quoted keys can find. Each prefix is listed here with the values it is
//! completed with, so that `rustition i18n check` verifies that English has every expansion and
//! counts them as used. A template that builds a key from a prefix missing here fails the check:
//! add the prefix, with its values, when you add such a template.
//!
//! `Open` prefixes take values the check cannot list (form field names, chosen all over the
//! code): their keys count as used, and what the suite renders is checked at run time instead
//! (`I18n::faults`, asserted after every integration test).
use crate::domain::audit::Action;
use crate::domain::instance::settings::Registration;
use crate::domain::permissions::Flag;
use crate::domain::petition::content::SHARE_BUTTONS;
use crate::domain::petition::wizard::Step;

/// A prefix and what completes it.
pub struct Dynamic {
    pub prefix: &'static str,
    pub values: Values,
}

pub enum Values {
    /// Every value the code completes the prefix with.
    Listed(Vec<String>),
    /// Values the check cannot list; says where they come from.
    Open(&'static str),
}

fn listed<S: ToString>(prefix: &'static str, values: impl IntoIterator<Item = S>) -> Dynamic {
    Dynamic { prefix, values: Values::Listed(values.into_iter().map(|v| v.to_string()).collect()) }
}

/// Every prefix of a key built at run time, in templates and in the code. The values come from
/// the domain's own lists where it has one, otherwise from the lists the templates loop over.
pub fn registry() -> Vec<Dynamic> {
    let networks = ["mastodon", "diaspora"];
    let which = ["all", "confirmed", "pending"];
    let who = [crate::config::Who::Anyone, crate::config::Who::Admins]
        .map(|w| serde_json::to_value(w).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default());
    vec![
        // domain::audit::Action::message_id.
        listed("audit-", Action::ALL.map(|a| a.as_str().replace('.', "-"))),
        // admin/audit.html: the kinds of `audit::Target`.
        listed("audit-kind-", ["petition", "organisation", "user", "mail", "setting", "report", "reason", "instance"]),
        // web::admin::settings::document.
        listed("document-", ["terms", "privacy", "legal"]),
        listed("flag-", Flag::ALL.map(Flag::name)),
        listed("mail-status-", crate::mail::queue::STATUSES),
        listed("moderation-state-", ["ok", "hidden", "pending"]),
        // web::challenge: numbers asked in words, 1 to 10 (domain::challenge::questions).
        listed("number-", 1..=10),
        // my_signatures/list.html.
        listed("portal-status-", crate::domain::signature::portal::Standing::ALL.map(|s| s.as_str())),
        listed("rule-", ["required", "optional", "off"]),
        // dashboard/edit.html, petition.html, template_edit.html.
        listed(
            "section-",
            ["content", "fields", "look", "image", "sharing", "mail", "paper", "permalinks", "addressees"],
        ),
        // dashboard/delivery.html: `domain::delivery` settings and triggers.
        listed("delivery-mode-", ["manual", "goal", "milestone"]),
        listed("delivery-trigger-", ["manual", "goal", "milestone"]),
        // admin/settings.html: `settings-<field>-<value>` of its select fields.
        listed(
            "settings-",
            Registration::ALL
                .map(|r| format!("registration-{}", r.as_str()))
                .into_iter()
                .chain(who.map(|w| format!("organisation_creation-{w}"))),
        ),
        listed("share-", SHARE_BUTTONS),
        listed("share-instance-", networks),
        listed("share-on-", networks),
        listed("status-", ["draft", "published", "closed"]),
        // The shipped themes; one an admin adds shows its folder name until translated
        // (`t(key=…, fallback=…)`).
        listed("theme-", ["classic", "campaign", "minimal"]),
        listed("traffic-which-", which),
        listed("which-", which),
        listed("wizard-step-", Step::ALL.map(Step::name)),
        Dynamic {
            prefix: "field-",
            values: Values::Open("the name of every form field an error or a label is shown for"),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_themes_are_the_registered_ones() {
        let views = crate::assets::Assets::new(None).files(crate::assets::Folder::Templates);
        let mut shipped: Vec<&str> = views
            .keys()
            .filter_map(|n| n.strip_prefix("themes/")?.strip_suffix("/petition.html"))
            .filter(|t| !t.contains('/'))
            .collect();
        shipped.sort_unstable();
        let registry = registry();
        let Some(Values::Listed(mut themes)) = registry.into_iter().find(|d| d.prefix == "theme-").map(|d| d.values)
        else {
            panic!("theme- is registered with its values");
        };
        themes.sort_unstable();
        assert_eq!(shipped, themes);
    }
}
