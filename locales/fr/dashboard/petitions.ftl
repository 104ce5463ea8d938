## Noms publics : le réglage de l’organisateur, la case du signataire, les listes
field-show_signer_names = Afficher le nom des signataires qui l’acceptent
public-names-setting-hint = Le formulaire propose alors à chaque signataire une case, non cochée, pour que son prénom et son nom s’affichent sur la page de la pétition. Seuls les noms s’affichent, jamais les adresses ni les autres réponses. Le formulaire doit demander un nom.

dashboard-awaiting-review = Cette pétition attend l’examen des modérateurs : elle sera publique dès qu’ils l’auront approuvée.
dashboard-hidden = Les modérateurs ont masqué cette pétition : sa page n’est pas affichée et elle ne reçoit pas de signatures.

## Tableau de bord des organisateurs : liste des pétitions, assistant, modification, modèles, signatures, statistiques.
dashboard-petitions = Pétitions
dashboard-no-petition = Aucune pétition ici pour l’instant.
dashboard-its-petitions = ses pétitions
untitled = (sans titre)
in-wizard = en cours de création
last-signature = Dernière signature
count-confirmed = Confirmées
count-pending = En attente de confirmation
count-paper = Signatures papier
filter-search = Rechercher
filter-status = État
filter-owner = Propriétaire
filter-all = Tous
filter-button = Afficher
owner-me = Moi-même
pagination = Pages
page-previous = Page précédente
page-next = Page suivante
page-of = Page { $page } sur { $pages }
page-first = Première page
page-last = Dernière page
status-draft = Brouillon
status-published = Publiée
status-closed = Close
action-edit = Modifier
action-signatures = Signatures
action-view = Voir
action-delete = Supprimer
cancel = Annuler

## Champs des formulaires de pétition
field-title = Titre
field-text = Texte
field-goal = Objectif de signatures
field-postal_code = Code postal
field-country = Pays
field-organisation = Organisation
field-custom1 = Champ supplémentaire 1
field-custom2 = Champ supplémentaire 2
field-custom3 = Champ supplémentaire 3
field-field_first_name = Prénom
field-field_last_name = Nom
field-field_phone = Numéro de téléphone
field-field_postal_code = Code postal
field-field_country = Pays
field-field_organisation = Organisation
field-custom-label = Intitulé du champ supplémentaire { $n }
field-custom-rule = Champ supplémentaire { $n }
field-custom1_label = Intitulé du champ supplémentaire 1
field-custom2_label = Intitulé du champ supplémentaire 2
field-custom3_label = Intitulé du champ supplémentaire 3
field-field_custom1 = Champ supplémentaire 1
field-field_custom2 = Champ supplémentaire 2
field-field_custom3 = Champ supplémentaire 3
field-theme = Thème
field-accent_color = Couleur d’accent
field-background_color = Couleur de fond
field-share_buttons = Liens de partage affichés sur la page
field-social_title = Titre lors d’un partage sur les réseaux sociaux
field-social_description = Description lors d’un partage sur les réseaux sociaux
field-reply_to = Adresse de réponse du courriel de confirmation
field-confirmation_text = Vos mots dans le courriel de confirmation
field-newsletter_label = Intitulé de la case d’inscription à la lettre d’information
field-paper_signatures = Signatures recueillies sur papier
field-owner = Propriétaire
field-template = Point de départ
field-status = État
field-signatures = Signatures
field-members = Membres
rule-required = Obligatoire
rule-optional = Facultatif
rule-off = Non demandé
theme-classic = Classique
theme-campaign = Campagne
theme-minimal = Sobre
share-email = Courriel
share-mastodon = Mastodon
share-diaspora = Diaspora
share-link = Lien à copier
hint-markdown = Markdown : **gras**, *italique*, # titre, - liste, [lien](https://example.org). Les images ne sont pas affichées.
hint-goal = Laissez vide ou 0 pour ne pas fixer d’objectif.
hint-colours = Gardez les couleurs du thème, ou choisissez les vôtres. Les couleurs difficiles à lire sont refusées.
hint-social = Affiché par les réseaux sociaux et messageries dans l’aperçu des liens.
hint-confirmation-text = Ajouté après le lien de confirmation, par exemple pour remercier les signataires.
hint-newsletter = Laissez vide pour ne pas proposer d’inscription à une lettre d’information.
hint-paper = Ajoutées au total affiché sur la page de la pétition.
fields-intro = Choisissez ce qui est demandé aux signataires, en plus de leur adresse électronique.
fields-email-always = L’adresse électronique est toujours obligatoire : c’est par elle que les signatures sont confirmées.
fields-custom-hint = Donnez un intitulé pour demander autre chose, par exemple un quartier.

## Messages
flash-draft-saved = Le brouillon est enregistré. Vous pouvez le reprendre depuis votre tableau de bord.
flash-petition-published = La pétition est publiée.
flash-status-published = La pétition est publiée.
flash-status-draft = La pétition est redevenue un brouillon : elle n’est plus publique.
flash-status-closed = La pétition est close : sa page reste, les signatures ne sont plus acceptées.
flash-petition-deleted = La pétition est supprimée.
flash-petition-transferred = La pétition a un nouveau propriétaire.
flash-permalink-added = Le lien permanent est ajouté.
flash-permalink-removed = Le lien permanent est retiré.
flash-template-created = Le modèle est créé. Remplissez-le ci-dessous.
flash-template-saved = Le modèle est enregistré.
flash-template-deleted = Le modèle est supprimé.
flash-signature-deleted = La signature est supprimée.
flash-confirmation-resent = Un nouveau courriel de confirmation est en route.

## Assistant
wizard-title = Nouvelle pétition
wizard-progress = Progression
wizard-step-of = Étape { $n } sur { $total }
wizard-step-owner = Propriétaire
wizard-step-start = Point de départ
wizard-step-content = Titre et texte
wizard-step-preview = Aperçu
wizard-step-fields = Objectif et champs des signataires
wizard-step-look = Apparence
wizard-step-review = Vérification
wizard-owner-legend = À qui appartiendra cette pétition ?
wizard-start-legend = Partir de
wizard-start-keep = Ce que j’ai déjà écrit
wizard-start-blank = Une pétition vierge
wizard-preview-hint = Voici l’aspect du texte. Revenez en arrière pour le modifier.
wizard-next = Enregistrer et continuer
wizard-back = Enregistrer et revenir
wizard-publish = Publier maintenant
wizard-keep-draft = Garder comme brouillon
wizard-publish-by-others = La publication demande le droit de modifier les pétitions : un membre qui le détient peut publier ce brouillon depuis sa page.
wizard-continue = Reprendre la création
review-fields = Demandé aux signataires
review-no-goal = Pas d’objectif

## Page d’une pétition dans le tableau de bord
edit-sections = Modifier
section-content = Contenu
section-fields = Champs des signataires
section-look = Apparence
section-sharing = Partage
section-mail = Courriel
section-paper = Signatures papier
section-permalinks = Liens permanents
status-publish = Publier
status-unpublish = Dépublier (revenir au brouillon)
status-close = Clore (arrêter les signatures)
status-reopen = Rouvrir
permalinks-current = Adresse
permalinks-none = Cette pétition n’a pas encore de lien permanent ; il est créé à partir du titre lors de la publication.
permalink-canonical = adresse principale
permalink-redirects = redirige vers l’adresse principale
permalink-remove = Retirer
permalink-add = Ajouter un lien permanent
permalink-add-button = Ajouter
save-as-template = Enregistrer comme modèle
save-as-template-button = Enregistrer comme modèle
danger-zone = Céder ou supprimer
transfer-title = Céder cette pétition à un autre propriétaire
transfer-legend = Nouveau propriétaire
transfer-hint = Ses liens permanents, signatures et réglages la suivent.
transfer-button = Céder la pétition
transfer-nowhere = Il n’y a aucun autre propriétaire à qui vous pouvez céder cette pétition.
delete-title = Supprimer cette pétition
delete-question = Supprimer définitivement « { $title } »{ $count ->
        [0] {""}
        [one] {" "}et son unique signature
       *[other] {" "}et ses { $count } signatures
    } ? C’est irréversible.
delete-confirm = Oui, supprimer définitivement

## Modèles
templates-title = Modèles
templates-intro = Un modèle contient les réglages de départ d’une nouvelle pétition. Le modèle par défaut est proposé en premier.
templates-none = Aucun modèle pour l’instant.
template-new = Nouveau modèle
template-create = Créer le modèle
template-default = par défaut
template-set-default = Choisir par défaut
template-unset-default = Ne plus choisir par défaut
template-content-hint = Le titre et le texte peuvent rester vides : chaque pétition écrit les siens.

## Signatures
signatures-title = Signatures
signatures-search = Nom ou adresse électronique
signatures-found = { $count ->
    [one] Une signature
   *[other] { $count } signatures
}
# A search finds more signatures than it counts ($count is that limit, 1,000).
signatures-found-more = Plus de { $count } signatures
which-all = Toutes
which-confirmed = Confirmée
which-pending = En attente de confirmation
resend-button = Renvoyer
resend-all-button = Relancer toutes les personnes en attente de confirmation
resend-all-hint = Chaque personne reçoit au plus une relance par jour.
resend-all-done = { $count ->
    [0] Personne n’avait besoin d’une relance : toutes les personnes en attente ont reçu un courriel depuis moins d’un jour.
    [one] Une relance est en route.
   *[other] { $count } relances sont en route.
}
signature-delete-title = Supprimer une signature
signature-delete-question = Supprimer la signature de { $email } sur « { $title } » ? C’est irréversible.
export-csv = Télécharger en CSV (tableur)
export-json = Télécharger en JSON
export-signed-at = Signée le
export-confirmed-at = Confirmée le
export-newsletter = Lettre d’information
export-language = Langue

## Statistiques
stats-title = Statistiques
stats-today = Signatures aujourd’hui
stats-none = Pas encore de signature.
stats-chart-title = Signatures par jour : { $title }
stats-chart-desc = Signatures quotidiennes du { $first } au { $last } ; le jour le plus haut en compte { $max }.
stats-bar = { $date } : { $confirmed ->
        [one] { $confirmed } confirmée
       *[other] { $confirmed } confirmées
    }, { $pending } en attente de confirmation
stats-download = Télécharger le graphique (SVG)
stats-table = Les chiffres, jour par jour
stats-day = Jour
# L’image d’une pétition et son palier.
section-image = Image
field-image = Fichier image
field-image_alt = Description de l’image, pour les personnes qui ne la voient pas
field-milestone_text = Texte affiché une fois l’objectif atteint
hint-milestone = Par exemple un remerciement et la suite. Si vous relevez ensuite l’objectif, la page indique que le premier objectif est atteint.
# Le texte d’à-côté et le texte de remerciement d’une pétition (Markdown, facultatifs).
field-side_text = Texte d’à-côté
hint-side-text = En Markdown, affiché dans un encadré sous le texte de la pétition : par exemple pourquoi elle compte, ou qui la porte. Laissez-le vide pour ne rien afficher.
field-thank_you_text = Texte de remerciement
hint-thank-you-text = En Markdown, montré aux signataires sur la page qui suit leur signature, avec le message habituel qui leur demande de confirmer par courriel. Laissez-le vide pour n’afficher que ce message.
hint-image = PNG ou JPEG, 2 Mo au plus. Affichée en haut du thème Campagne et dans les aperçus de liens. Le serveur convertit à nouveau le fichier, ce qui retire ses données cachées (comme le lieu où une photo a été prise).
image-current = Image actuelle ({ $width } × { $height } pixels)
image-remove = Retirer l’image
image-none = Cette pétition n’a pas d’image.
image-upload-heading = Envoyer une image
image-upload = Envoyer
flash-image-removed = L’image est retirée.

# Signatures invalidées par la modération (conservées, non comptées).
# The counts above a petition's signatures list; the last part only when moderators invalidated some.
signature-counts = Confirmées : { $confirmed } · En attente de confirmation : { $pending }{ $invalidated ->
        [0] {""}
       *[other] {" "}· Invalidées par la modération : { $invalidated }
    }
signature-invalidated = Invalidée
export-invalidated-at = Invalidée le
wizard-no-owner = Cette instance n'accueille que des pétitions d'organisations. Rejoignez ou créez d'abord une organisation.

# Une pétition en plusieurs langues : le panneau de la page de contenu et la relecture de l’assistant.
languages-heading = Langues
languages-intro = Les visiteurs lisent la pétition dans leur langue quand elle y est traduite, sinon en { $default }.
languages-none = Aucune traduction pour l’instant.
language-up-to-date = à jour
language-older = plus ancienne que le texte par défaut
language-edit = Modifier la traduction en { $name }
language-remove = Supprimer la traduction en { $name }
language-remove-hint = Supprimer une traduction efface ses textes aussitôt ; ses visiteurs lisent alors la langue par défaut.
language-add = Ajouter une langue
language-add-hint = La traduction commence par une copie du texte par défaut, à traduire.
language-add-button = Ajouter cette langue
flash-language-added = Langue ajoutée : son texte est une copie du texte par défaut, à traduire.
flash-language-removed = Traduction supprimée.
error-language-invalid = Cette langue ne peut pas être ajoutée : la pétition l’a déjà, ou elle n’est pas proposée.
translation-title = Traduction en { $name }
translation-intro = Les textes de la pétition en { $name }. L’objectif, les champs et l’apparence sont ceux de la langue par défaut ({ $default }) ; un champ laissé vide affiche son texte en { $default }.
translation-older = Le texte par défaut a changé depuis le dernier enregistrement de cette traduction : vérifiez qu’elle dit toujours la même chose.
translation-back = Retour au contenu de la pétition
