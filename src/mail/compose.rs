//! Writes messages from templates, in the recipient's language.
use std::sync::Arc;

use fluent_bundle::FluentValue;

use super::queue::{MailDraft, PRIORITY_URGENT};
use crate::domain::signature::signatures::{ComposeConfirmation, ConfirmationMail};
use crate::i18n::I18n;
use crate::views::Views;

pub struct Composer {
    pub views: Arc<Views>,
    pub i18n: Arc<I18n>,
    pub public_url: String,
}

impl Composer {
    /// A mail from `templates/mail/<name>.txt`, in `lang`, with `subject_key` as its subject.
    /// `values` are given to the template and to the subject's Fluent arguments.
    pub fn account_mail(
        &self,
        name: &str,
        lang: &str,
        recipient: &str,
        subject_key: &str,
        values: serde_json::Value,
    ) -> MailDraft {
        let mut context = tera::Context::from_serialize(&values).unwrap_or_default();
        context.insert("lang", lang);
        context.insert("public_url", &self.public_url);
        let template = format!("mail/{name}.txt");
        let body_text = self.views.render(&template, &context).unwrap_or_else(|e| {
            tracing::error!(error = %e, template, "cannot render a mail");
            values.get("link").and_then(|l| l.as_str()).unwrap_or_default().to_string()
        });
        let args = values
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(k, v)| v.as_str().map(|s| (k.as_str(), FluentValue::from(s.to_string()))));
        MailDraft {
            kind: "account",
            priority: PRIORITY_URGENT,
            recipient: recipient.to_string(),
            subject: self.i18n.tr_args(lang, subject_key, args),
            body_text,
            body_html: None,
            reply_to: None,
        }
    }

    /// A theme's own mail template, or the default theme's.
    fn template(&self, theme: &str, name: &str) -> String {
        let own = format!("themes/{theme}/mail/{name}");
        if self.views.has(&own) { own } else { format!("themes/classic/mail/{name}") }
    }
}

impl ComposeConfirmation for Composer {
    fn compose(&self, mail: &ConfirmationMail<'_>) -> MailDraft {
        let link = format!("{}{}", self.public_url, mail.confirm_path);
        let withdraw_link = format!("{}{}", self.public_url, mail.withdraw_path);
        let mut context = tera::Context::new();
        context.insert("lang", mail.locale);
        context.insert("petition", mail.petition);
        context.insert("link", &link);
        context.insert("withdraw_link", &withdraw_link);
        context.insert("organiser_text", &mail.petition.mail.confirmation_text);
        let template = self.template(&mail.petition.look.theme, "confirm.txt");
        let body_text = self.views.render(&template, &context).unwrap_or_else(|e| {
            // Templates are checked at start-up; should one still fail, the mail still goes out.
            tracing::error!(error = %e, template, "cannot render the confirmation mail");
            let withdraw = self.i18n.tr(mail.locale, "mail-withdraw-action", None);
            format!(
                "{}\n\n{link}\n\n{withdraw}\n\n{withdraw_link}\n",
                self.i18n.tr(mail.locale, "mail-confirm-intro", None)
            )
        });
        let subject = self.i18n.tr_args(
            mail.locale,
            "mail-confirm-subject",
            [("title", FluentValue::from(mail.petition.title.as_str()))],
        );
        MailDraft {
            kind: "confirm_signature",
            priority: PRIORITY_URGENT,
            recipient: mail.recipient.to_string(),
            subject,
            body_text,
            body_html: None,
            reply_to: mail.petition.mail.reply_to.clone(),
        }
    }
}
