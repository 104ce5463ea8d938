error-newsletter-host-invalid = Indica solo nomi di host, uno per riga, come lists.example.org.
error-newsletter-hosts-too-many = Indica al massimo 50 host.
error-forward-url-invalid = Questo non è un indirizzo web valido, per esempio https://lists.example.org/subscribe (senza nome utente né password).
error-forward-https-required = L’indirizzo deve iniziare con https://.
error-forward-host-not-allowed = Questo sito non consente di inviare iscritti a questo host. I suoi amministratori tengono l’elenco degli host consentiti.
error-forward-secret-required = Indica il token o la password.
error-forward-username-invalid = Indica un nome utente, senza due punti.
