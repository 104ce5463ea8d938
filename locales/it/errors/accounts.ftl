## Accounts
error-login-failed = Nome utente o password non corretti.
error-rate-limited = Troppi tentativi. Aspetta un minuto e riprova.
error-password-short = Usa almeno 10 caratteri.
error-name-short = È troppo corto.
error-name-characters = Usa solo lettere minuscole, cifre, «-» e «_».
error-name-reserved = Questo nome è riservato. Scegline un altro.
error-username-taken = Questo nome utente è già in uso.
error-email-taken = Un account usa già questo indirizzo email.
error-email-same = Questo è già l’indirizzo del tuo account.

## Registration and mailed account links
error-challenge-wrong = Non è la risposta giusta. Ecco una nuova domanda.
error-registration-closed = Questa istanza non accetta nuovi account.
error-link-invalid = Questo link non è valido: è già stato usato oppure è scaduto. Chiedine uno nuovo.
error-login-unverified = Questo account non è ancora attivo: apri il link nel messaggio che ti abbiamo inviato.

## Account settings
error-password-wrong = Non è la tua password attuale.
error-delete-last-admin = Sei l’unica persona che può gestire i membri di un’organizzazione che ha altri membri. Prima dai a uno di loro il diritto di modificare i permessi.
error-login-suspended = Questo account è stato sospeso dalla moderazione di questo sito.
error-registration-invite-only = Per creare un nuovo account serve l’invito di un’organizzazione di questa istanza.
