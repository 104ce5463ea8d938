## The sign form's "keep me informed" box, and a petition's updates and response on its page.
sign-keep-informed = Tenetemi informato/a su questa petizione (aggiornamenti e risposta via email; posso interromperli in qualsiasi momento)
response-heading = La risposta
response-date = Risposta del { $date }
response-document = Leggi il documento della risposta
updates-heading = Aggiornamenti
## The unsubscribe link of update mails (/unsubscribe/…).
unsubscribe-title = Interrompere gli aggiornamenti
unsubscribe-explain = Non riceverai più via email gli aggiornamenti né la risposta di questa petizione. La tua firma resta.
unsubscribe-button = Interrompi gli aggiornamenti
unsubscribe-done = Fatto: non riceverai più aggiornamenti su questa petizione. La tua firma resta.
unsubscribe-unknown = Questo link non funziona: è incompleto, oppure la firma per cui è stato inviato è stata ritirata.
