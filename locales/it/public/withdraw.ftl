## confirmed page give, and the pages under /withdraw/.
withdraw-title = Ritira la tua firma
withdraw-signature-explain = La firma di { $email } su questa petizione, e tutto ciò che è stato fornito con essa (nome, indirizzo e altre risposte), sarà eliminata subito. Non sarà più conteggiata, e non ne resterà nulla.
withdraw-pending-explain = Questo annulla la firma inviata dal modulo che ha fornito questo link, purché non sia ancora confermata: viene eliminata subito, insieme ai dati personali forniti con essa. Una firma già confermata resta com’è: chi l’ha firmata può ritirarla con il link nella propria email.
withdraw-button = Ritira la mia firma
withdraw-pending-button = Annulla questa firma
withdraw-done = La tua firma è stata ritirata: è stata eliminata, insieme ai dati personali che hai fornito, e la petizione non la conteggia più.
withdraw-pending-done = A questo link non è più associata nessuna firma in attesa di conferma: quanto era stato inviato con esso, se c’era, è stato eliminato.
withdraw-unknown = A questo link non è associata nessuna firma. Potrebbe essere già stata ritirata, oppure il link non è stato copiato per intero.
withdraw-petition-hidden = La petizione non è più visibile al pubblico.
thanks-withdraw = Inviata per errore, o con un indirizzo che non è tuo?
thanks-withdraw-link = Annulla questa firma
confirm-withdraw = Hai cambiato idea? Puoi ritirare la tua firma in qualsiasi momento con questo link, che trovi anche nell’email:
confirm-withdraw-link = Ritira la mia firma
