# Noms des signataires affichés publiquement, sur demande ; pages de confidentialité de l’instance et de chaque pétition.

## Noms publics : le réglage de l’organisateur, la case du signataire, les listes
sign-name-public = Afficher mon nom dans la liste publique des signataires
public-names-heading = Signataires
public-names-all = { $count ->
    [one] Voir le nom dans la liste des signataires
   *[other] Voir les { $count } noms de la liste des signataires
}
# Past 10,000 listed names the pages stop counting them ($count is that limit).
public-names-all-more = Voir plus de { $count } noms dans la liste des signataires
public-names-title = Signataires qui ont choisi d’afficher leur nom
public-names-count = Noms affichés : { $names }, sur { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}. Les autres signataires ont choisi de ne pas afficher le leur.
# As public-names-count, past 10,000 listed names ($names is that limit).
public-names-count-more = Noms affichés : plus de { $names }, sur { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}. Les autres signataires ont choisi de ne pas afficher le leur.
public-names-none = Aucun signataire n’a encore choisi d’afficher son nom.
public-names-older = Noms plus anciens
public-names-newest = Noms les plus récents

## Liens à côté des formulaires qui recueillent des données personnelles
privacy-link = Ce que nous faisons de vos données

## La page de confidentialité de l’instance
privacy-intro = { $site } gère ce site de pétitions. Cette page dit ce qu’il conserve de vous, pourquoi, combien de temps, qui peut le voir et comment le retirer.
privacy-legal = Les mentions légales disent qui en sont les administrateurs.
privacy-stored-heading = Ce qui est conservé quand vous signez
privacy-stored-email = Votre adresse électronique : chaque pétition la demande.
privacy-stored-fields = Les champs que demande la pétition, parmi ceux-ci : prénom, nom, numéro de téléphone, code postal, pays, organisation, et jusqu’à trois champs nommés par ses organisateurs. La page de confidentialité de chaque pétition, en lien sous son formulaire, dit exactement lesquels, et lesquels sont obligatoires.
privacy-stored-choices = Si vous souhaitez recevoir la lettre d’information des organisateurs, quand la pétition en propose une, et si votre nom peut figurer dans sa liste publique des signataires.
privacy-stored-dates = La langue dans laquelle vous avez signé, et les dates de signature et de confirmation.
privacy-stored-client = Pas votre adresse IP. Une empreinte de celle-ci, calculée avec une clé secrète de ce site et impossible à retransformer en adresse sans elle, est conservée avec votre signature pour que les modérateurs puissent reconnaître un afflux de signatures venues d’un même endroit ; elle sert aussi, en mémoire seulement, à limiter le nombre de formulaires qu’une connexion peut envoyer.
privacy-why-heading = Pourquoi
privacy-why-count = Pour compter votre signature et s’assurer qu’elle vient bien de vous : le courriel que nous envoyons vous demande de la confirmer.
privacy-why-organisers = Les organisateurs reçoivent les champs qu’ils ont demandés, par exemple pour remettre la pétition avec le nom de ses signataires.
privacy-why-newsletter = Votre adresse n’est transmise pour la lettre d’information des organisateurs que si vous cochez sa case.
privacy-how-long-heading = Combien de temps
privacy-unconfirmed = { $days ->
    [one] Une signature non confirmée au bout d’un jour est supprimée.
   *[other] Une signature non confirmée au bout de { $days } jours est supprimée.
}
privacy-personal-data = { $days ->
    [one] Les noms, adresses et réponses sont effacés un jour après la clôture de la pétition, sauf si la pétition fixe sa propre durée (sa page de confidentialité l’indique). Le nombre de signatures demeure.
   *[other] Les noms, adresses et réponses sont effacés { $days } jours après la clôture de la pétition, sauf si la pétition fixe sa propre durée (sa page de confidentialité l’indique). Le nombre de signatures demeure.
}
privacy-sent-mail = { $days ->
    [one] Les courriels que nous envoyons sont supprimés un jour après leur envoi.
   *[other] Les courriels que nous envoyons sont supprimés { $days } jours après leur envoi.
}
privacy-accounts = Les comptes des organisateurs sont conservés jusqu’à ce que leurs titulaires les suppriment.
privacy-who-heading = Qui peut le voir
privacy-who-organisers = Les organisateurs de la pétition qui ont le droit d’en voir les signatures : l’auteur d’une pétition personnelle, ou les membres de l’organisation qui la porte à qui ce droit a été donné.
privacy-who-admins = Les administrateurs de ce site. Les modérateurs voient seulement d’où viennent les signatures (les domaines des adresses, et les empreintes à clé des connexions qui les ont envoyées), pour arrêter les abus.
privacy-who-nobody = Personne d’autre. Votre adresse électronique n’est jamais affichée publiquement ; votre nom ne figure dans la liste publique d’une pétition que si vous cochez la case prévue.
privacy-rights-heading = Voir, exporter et retirer vos signatures
privacy-rights-mail = Chaque courriel que nous envoyons au sujet d’une signature contient un lien pour la retirer.
privacy-rights-portal = Sur la page « Mes signatures », demandez un lien par courriel : il montre toutes vos signatures, permet de les exporter et d’en retirer chacune.
privacy-rights-portal-link = Mes signatures
privacy-rights-account = Si vous avez un compte, vous pouvez le supprimer depuis les réglages de votre compte.
privacy-admin-heading = De la part des administrateurs de ce site

## La page de confidentialité d’une pétition
privacy-petition-title = Vos données et cette pétition
privacy-petition-owner = Portée par
privacy-petition-keeper = Ses signatures sont conservées par { $site }.
privacy-petition-fields-heading = Ce que demande cette pétition
privacy-petition-required = obligatoire
privacy-petition-optional = facultatif
privacy-petition-newsletter = Si vous cochez « { $label } », votre adresse électronique est transmise à { $owner }, qui porte la pétition, pour sa lettre d’information.
privacy-petition-no-newsletter = Cette pétition ne propose pas de lettre d’information.
privacy-petition-names-public = Vous pouvez faire afficher votre prénom et votre nom dans la liste publique des signataires de la pétition, seulement si vous cochez la case prévue. Votre adresse et vos autres réponses ne sont jamais affichées.
privacy-petition-names-private = Aucun nom n’est affiché publiquement : seulement le nombre de signatures.
privacy-petition-retention-own = { $days ->
    [one] Cette pétition efface les noms, adresses et réponses de ses signataires un jour après sa clôture (sa propre durée).
   *[other] Cette pétition efface les noms, adresses et réponses de ses signataires { $days } jours après sa clôture (sa propre durée).
}
privacy-petition-retention-default = { $days ->
    [one] Cette pétition efface les noms, adresses et réponses de ses signataires un jour après sa clôture (la durée par défaut de ce site).
   *[other] Cette pétition efface les noms, adresses et réponses de ses signataires { $days } jours après sa clôture (la durée par défaut de ce site).
}
privacy-petition-open = Elle est encore ouverte : la durée court à partir de sa clôture.
privacy-petition-closed = Elle a été close le { $closed } : ils seront effacés le { $date }.
privacy-petition-erased = Ils ont été effacés le { $date } ; seul le nombre de signatures demeure.
privacy-petition-policy = Politique de confidentialité de ce site
