## The sign form's "keep me informed" box, and a petition's updates and response on its page.
sign-keep-informed = Mich über diese Petition auf dem Laufenden halten (Neuigkeiten und die Antwort per E-Mail; jederzeit abbestellbar)
response-heading = Die Antwort
response-date = Antwort vom { $date }
response-document = Das Antwortdokument lesen
updates-heading = Neuigkeiten
## The unsubscribe link of update mails (/unsubscribe/…).
unsubscribe-title = Neuigkeiten abbestellen
unsubscribe-explain = Sie erhalten dann keine Neuigkeiten und keine Antwort zu dieser Petition mehr per E-Mail. Ihre Unterschrift bleibt bestehen.
unsubscribe-button = Neuigkeiten abbestellen
unsubscribe-done = Erledigt: Sie erhalten keine Neuigkeiten zu dieser Petition mehr. Ihre Unterschrift bleibt bestehen.
unsubscribe-unknown = Dieser Link funktioniert nicht: Er ist unvollständig, oder die Unterschrift, für die er verschickt wurde, wurde zurückgezogen.
