//! The mails of an update and of the addressee's response, in the signer's language.
use fluent_bundle::FluentValue;

use super::compose::Composer;
use super::queue::{MailDraft, PRIORITY_BULK};
use crate::domain::signer_updates::{ComposeUpdate, MailedNews, UpdateMail};

impl ComposeUpdate for Composer {
    fn compose(&self, mail: &UpdateMail<'_>) -> MailDraft {
        let petition = mail.petition;
        let mut context = tera::Context::new();
        context.insert("lang", mail.locale);
        context.insert("petition", petition);
        context.insert("petition_link", &format!("{}{}", self.public_url, petition.path));
        context.insert("unsubscribe_link", &self.absolute(&mail.unsubscribe_path));
        context.insert("withdraw_link", &self.absolute(&mail.withdraw_path));
        let title = FluentValue::from(petition.title.as_str());
        let (kind, subject) = match mail.news {
            MailedNews::Update { title: heading, body } => {
                context.insert("update_title", heading);
                context.insert("body", body);
                let args = [("title", title), ("update", FluentValue::from(*heading))];
                ("signer_update", self.i18n.tr_args(mail.locale, "mail-update-subject", args))
            }
            MailedNews::Response { body, responded_on, document_url } => {
                context.insert("body", body);
                context.insert("responded_on", responded_on);
                context.insert("document_url", document_url);
                ("signer_response", self.i18n.tr_args(mail.locale, "mail-response-subject", [("title", title)]))
            }
        };
        context.insert("is_response", &(kind == "signer_response"));
        let template = "mail/signer_update.txt";
        let body_text = self.views.render(template, &context).unwrap_or_else(|e| {
            tracing::error!(error = %e, template, "cannot render an update mail");
            let body = match mail.news {
                MailedNews::Update { body, .. } | MailedNews::Response { body, .. } => body,
            };
            format!("{body}\n\n{}\n", self.absolute(&mail.unsubscribe_path))
        });
        MailDraft {
            kind,
            priority: PRIORITY_BULK,
            recipient: mail.recipient.to_string(),
            subject,
            body_text,
            body_html: None,
            reply_to: petition.mail.reply_to.clone(),
        }
    }

    fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}
