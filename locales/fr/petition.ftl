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
share-instance-hint = Vous n’êtes envoyé·e vers votre serveur qu’en appuyant sur le bouton ; ce site ne charge rien depuis celui-ci.
share-continue = Continuer
share-link-label = Lien vers cette pétition
share-text = J’ai signé « { $title } ». Signerez-vous aussi ?
share-mail-subject = Pétition : { $title }
field-instance = Votre serveur
error-instance-invalid = Indiquez le nom d’un serveur, comme mastodon.social.
