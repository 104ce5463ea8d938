## The sign form's "keep me informed" box, and a petition's updates and response on its page.
sign-keep-informed = Me tenir informé·e de cette pétition (ses nouvelles et la réponse, par courriel ; vous pouvez les arrêter à tout moment)
response-heading = La réponse
response-date = Réponse du { $date }
response-document = Lire le document de la réponse
updates-heading = Nouvelles
## The unsubscribe link of update mails (/unsubscribe/…).
unsubscribe-title = Arrêter les nouvelles
unsubscribe-explain = Vous ne recevrez plus par courriel les nouvelles ni la réponse de cette pétition. Votre signature reste.
unsubscribe-button = Arrêter les nouvelles
unsubscribe-done = C’est fait : vous ne recevrez plus de nouvelles de cette pétition. Votre signature reste.
unsubscribe-unknown = Ce lien ne fonctionne pas : il est incomplet, ou la signature pour laquelle il a été envoyé a été retirée.
