## Refusals of the updates and response forms.
error-update-weekly-cap = Questa petizione ha già inviato tutti gli aggiornamenti consentiti questa settimana. Riprova tra qualche giorno, quando il più vecchio avrà una settimana.
error-response-date-future = Questa data è nel futuro.
error-response-date-invalid = Questa non è una data (anno-mese-giorno, per esempio 2026-12-03).
