## Form fields and their errors
form-has-errors = Correggi quanto segue:
# One line of that list: the field's label, then what is wrong with it.
error-summary-item = { $field }: { $message }
error-required = Questo campo è obbligatorio.
error-too-long = È troppo lungo.
error-invalid-characters = Contiene caratteri non consentiti.
error-email-invalid = Non è un indirizzo email valido, come nome@example.org.
error-email-literal = Indica un indirizzo con un nome di dominio, come nome@example.org, non l’indirizzo IP di un server.
error-email-quoted = Indica questo indirizzo senza virgolette né spazi, come nome@example.org.
error-phone-invalid = Non è un numero di telefono valido.

## Errors
error-title = Qualcosa è andato storto
error-generic = Non è stato possibile completare la richiesta.
error-not-found = Questa pagina non esiste, o non è più pubblica.
error-too-large = Quello che hai inviato è troppo grande.
error-length-required = Un caricamento deve indicare la propria dimensione: invialo di nuovo dal modulo.
error-forbidden = Non hai il permesso di farlo.
error-bad-request = Non è stato possibile interpretare la richiesta. Torna indietro e riprova.
error-csrf = Questo modulo è scaduto. Torna indietro, ricarica la pagina e invialo di nuovo.
error-origin = Questo modulo è stato inviato da un altro sito, quindi non è stato accettato. Se l’hai compilato qui, torna indietro, ricarica la pagina e invialo di nuovo.
error-invalid = Alcuni campi non sono validi.
error-internal = Si è verificato un errore da parte nostra. È stato registrato; riprova più tardi.
error-busy = Il server è sovraccarico. Riprova.
error-overloaded = In questo momento molte persone stanno usando questo sito. Riprova tra qualche secondo.
error-instance-invalid = Inserisci il nome di un server, come mastodon.social.

# Signing past a rate, at most one mail an hour, and what a confirmation link confirms.
error-challenge-needed = In questo momento arrivano molte firme dalla tua connessione. Per dimostrare che sei una persona, rispondi a questa domanda; quello che hai scritto è stato conservato.

## My signatures (/my-signatures): the signer's own page of their signatures
error-portal-no-newsletter = Questa petizione non offre alcuna newsletter.
error-report-reason = Scegli uno dei motivi.
error-report-rate = Oggi hai inviato molte segnalazioni. Riprova domani.
