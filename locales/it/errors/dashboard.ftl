## Organisations
error-url-invalid = Non è un indirizzo web che inizia con http:// o https://.
error-slug-taken = Questo nome breve è già in uso.
error-invitee-unknown = Nessun account ha questo nome utente. Per invitare qualcuno che non ha un account, indica il suo indirizzo email.
error-already-member = Questa persona è già membro.
error-last-admin = Un’organizzazione deve mantenere almeno un membro che possa modificare i permessi.
error-invitation-other = Questo invito è per un altro account.

## Errors
error-choice-invalid = Scegli una delle opzioni.
error-colour-invalid = Scrivi un colore come # seguito da sei cifre esadecimali, per esempio #0b5d3b.
error-contrast-background = Questo sfondo è troppo scuro per il testo: scegline uno più chiaro.
error-contrast-accent = Il colore di accento non risalta abbastanza sullo sfondo (WCAG AA richiede un contrasto di 4,5 a 1).
error-contrast-button = Il testo sui pulsanti di questo colore di accento sarebbe difficile da leggere: scegli un accento più scuro o più chiaro.
error-custom-label-required = Dai un’etichetta a questo campo, oppure scegli «Non richiesto».
error-goal-invalid = Scrivi un numero intero tra 0 e 1.000.000.000.
error-number-invalid = Scrivi un numero intero tra 0 e 1.000.000.000.
error-permalink-too-many = Una petizione può avere al massimo 10 permalink.
error-publish-incomplete = Per essere pubblicata, una petizione deve avere un titolo e un testo.
error-resend-confirmed = Questa firma è già confermata.
error-resend-too-soon = Meno di dieci minuti fa è già stata inviata un’email di conferma a questo indirizzo.
error-transfer-same = La petizione appartiene già a chi hai scelto.
error-transfer-slug-taken = Chi riceve la petizione usa già uno dei suoi permalink. Prima rimuovilo da questa petizione.

## Wizard
error-not-in-wizard = Questa petizione non è più una bozza nella procedura guidata di creazione. Modificala dalla sua pagina.

## Statistics
error-image-missing = Scegli un file immagine.
error-image-too-large = Questo file supera i 2 MB.
error-image-type = Questo file non è un’immagine PNG o JPEG.
error-image-broken = Non è stato possibile leggere questa immagine.
error-image-dimensions = Questa immagine ha troppi pixel: al massimo 40 megapixel (per esempio 8000 × 5000).

error-personal-petitions-off = Questa istanza ospita solo petizioni di organizzazioni: scegli un’organizzazione.
