# La page publique d’une pétition : progression et partage.
progress-text = { $count } signatures sur { $goal }
goal-reached = Objectif de { $goal } signatures atteint !
goal-raised = Le premier objectif de { $reached } signatures est atteint. Nouvel objectif : { $goal }.
share-heading = Partager cette pétition
share-by-email = Partager par courriel
share-on-mastodon = Partager sur Mastodon
share-on-diaspora = Partager sur Diaspora
share-instance-mastodon = Votre instance Mastodon (par exemple mastodon.social)
share-instance-diaspora = Votre pod Diaspora (par exemple diasp.org)
share-instance-hint = Ce site ne vous envoie vers votre serveur que par le lien qu’il affiche ensuite, et ne charge rien depuis celui-ci.
share-leaving = Vous quittez ce site pour { $host }.
share-go = Continuer vers { $host }
share-leaving-hint = Vérifiez qu’il s’agit bien de votre serveur : son nom est écrit tel que votre navigateur l’atteindra.
share-continue = Continuer
share-link-label = Lien vers cette pétition
share-text = J’ai signé « { $title } ». Signerez-vous aussi ?
share-mail-subject = Pétition : { $title }
field-instance = Votre serveur
error-instance-invalid = Indiquez le nom d’un serveur, comme mastodon.social.

# Signer au-delà d’un rythme, au plus un courriel par heure, et ce que confirme un lien.
error-challenge-needed = Beaucoup de signatures arrivent de votre connexion en ce moment. Pour montrer que vous êtes une personne, répondez à cette question ; ce que vous avez saisi est conservé.
thanks-mailed-earlier = Un courriel de confirmation a déjà été envoyé à cette adresse pour cette pétition il y a moins d’une heure : aucun autre n’a été envoyé cette fois. Ouvrez le lien de ce courriel (regardez aussi dans vos indésirables).
confirm-details-heading = Vous confirmez
confirm-details-name = Nom
confirm-details-yes = Oui
confirm-details-wrong = Si ce ne sont pas les informations avec lesquelles vous avez signé, n’appuyez pas sur le bouton : ignorez cette page.
