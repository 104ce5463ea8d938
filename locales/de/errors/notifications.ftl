error-newsletter-host-invalid = Geben Sie nur Hostnamen an, einen pro Zeile, etwa lists.example.org.
error-newsletter-hosts-too-many = Geben Sie höchstens 50 Hosts an.
error-forward-url-invalid = Das ist keine gültige Webadresse, zum Beispiel https://lists.example.org/subscribe (ohne Benutzernamen oder Passwort darin).
error-forward-https-required = Die Adresse muss mit https:// beginnen.
error-forward-host-not-allowed = Diese Website erlaubt nicht, Abonnenten an diesen Host zu senden. Ihre Administratoren führen die Liste der erlaubten Hosts.
error-forward-secret-required = Geben Sie das Token oder das Passwort an.
error-forward-username-invalid = Geben Sie einen Benutzernamen ohne Doppelpunkt an.
