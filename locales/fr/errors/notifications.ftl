error-newsletter-host-invalid = Donnez uniquement des noms d’hôtes, un par ligne, comme lists.example.org.
error-newsletter-hosts-too-many = Donnez au plus 50 hôtes.
error-forward-url-invalid = Ce n’est pas une adresse web valide, par exemple https://lists.example.org/subscribe (sans nom d’utilisateur ni mot de passe dedans).
error-forward-https-required = L’adresse doit commencer par https://.
error-forward-host-not-allowed = Ce site n’autorise pas l’envoi d’abonnés à cet hôte. Ses administrateurs tiennent la liste des hôtes autorisés.
error-forward-secret-required = Donnez le jeton ou le mot de passe.
error-forward-username-invalid = Donnez un nom d’utilisateur, sans deux-points.
