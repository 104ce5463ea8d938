# Moderation: reporting a petition, what the public sees of a withheld one, the queue (/admin/moderation).
report-link = Segnala questa petizione
report-title = Segnala questa petizione
report-intro = Spiega alla moderazione di questo sito cosa non va in «{ $title }». Non serve un account, e non ti chiediamo chi sei.
field-reason = Motivo
field-details = Dettagli
report-details-hint = Cosa dovrebbe sapere la moderazione? Un link o una citazione sono utili.
report-submit = Invia la segnalazione
reported-title = Grazie
reported-message = La tua segnalazione è stata ricevuta. La moderazione esaminerà questa petizione.

withheld-title = Questa petizione non è disponibile
withheld-hidden = La moderazione di questo sito ha nascosto questa petizione.
withheld-suspended = L’account o l’organizzazione che gestisce questa petizione è in stato di sospensione.
withheld-awaiting-review = Questa petizione è in attesa di revisione da parte della moderazione di questo sito.
withheld-category = Motivo: { $category }
