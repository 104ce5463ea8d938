//! The delivery mail to an addressee, in the petition's language (`templates/mail/delivery.txt`).
use fluent_bundle::FluentValue;

use super::compose::Composer;
use super::queue::{MailDraft, PRIORITY_BULK};
use crate::domain::delivery::deliver::{ComposeDelivery, DeliveryMail};

impl ComposeDelivery for Composer {
    fn compose(&self, mail: &DeliveryMail<'_>) -> MailDraft {
        let lang = mail.petition.locale.as_str();
        let link = format!("{}{}", self.public_url, mail.path);
        let mut context = tera::Context::new();
        context.insert("lang", lang);
        context.insert("public_url", &self.public_url);
        context.insert("petition", mail.petition);
        context.insert("addressee", mail.addressee);
        context.insert("count", &mail.count);
        context.insert("link", &link);
        let body_text = self.views.render("mail/delivery.txt", &context).unwrap_or_else(|e| {
            tracing::error!(error = %e, "cannot render the delivery mail");
            format!("{}\n\n{link}\n", mail.petition.title)
        });
        let subject = self.i18n.tr_args(
            lang,
            "mail-delivery-subject",
            [("title", FluentValue::from(mail.petition.title.as_str())), ("count", FluentValue::from(mail.count))],
        );
        MailDraft {
            kind: "delivery",
            priority: PRIORITY_BULK,
            recipient: mail.addressee.email.clone().unwrap_or_default(),
            subject,
            body_text,
            body_html: None,
            reply_to: mail.petition.mail.reply_to.clone(),
        }
    }
}
