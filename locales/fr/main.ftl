# Rustition — français.

## Page frame
site-name = Rustition
skip-to-content = Aller au contenu
language-menu = Langue
# The name of this language, written in this language.
language-name = Français
footer-text = Hébergé par nos soins avec Rustition. Aucun pisteur, aucun tiers.
back-home = Retour à l’accueil

## Home page
index-title = Pétitions
index-empty = Aucune pétition n’est encore publiée.

## Petition page
progress-heading = Signatures recueillies
signature-count = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
goal-of = objectif : { $goal }
sign-heading = Signer cette pétition
sign-button = Signer
sign-privacy = Vos informations servent à compter et à confirmer votre signature, et les organisateur·ices de la pétition les voient ; votre adresse électronique n’est jamais affichée publiquement.
sign-closed = Cette pétition n’accepte plus de signatures.
back-to-petition = Retour à « { $title } »

## Form fields and their errors
field-first_name = Prénom
field-last_name = Nom
field-email = Adresse électronique
field-phone = Numéro de téléphone
field-optional = (facultatif)
honeypot-label = Laissez ce champ vide
form-has-errors = Merci de corriger ce qui suit :
error-required = Ce champ est obligatoire.
error-too-long = C’est trop long.
error-invalid-characters = Ce champ contient des caractères non autorisés.
error-email-invalid = Ce n’est pas une adresse électronique valide, par exemple nom@exemple.org.
error-email-literal = Indiquez une adresse avec un nom de domaine, comme nom@exemple.org, pas l’adresse IP d’un serveur.
error-email-quoted = Indiquez cette adresse sans guillemets ni espaces, comme nom@exemple.org.
error-phone-invalid = Ce n’est pas un numéro de téléphone valide.

## After signing
thanks-title = Merci ! Encore une étape
thanks-check-mail = Nous vous avons envoyé un courriel. Ouvrez le lien qu’il contient pour confirmer votre signature : elle ne compte qu’une fois confirmée.
thanks-not-received = Pas de courriel après quelques minutes ? Regardez dans vos indésirables, ou signez à nouveau avec la même adresse.

## Confirmation landing page
confirm-title = Confirmez votre signature
confirm-explain = Appuyez sur le bouton pour confirmer que vous signez cette pétition.
confirm-button = Confirmer ma signature
confirm-done = Votre signature est confirmée. Merci !
confirm-already = Votre signature était déjà confirmée. Merci !
confirm-expired = Ce lien de confirmation a expiré. Signez à nouveau la pétition pour en recevoir un nouveau.
confirm-unknown = Ce lien de confirmation n’est pas valide. Vérifiez qu’il a été copié en entier, ou signez à nouveau la pétition.

## Mail
mail-confirm-subject = Merci de confirmer votre signature : { $title }
mail-confirm-greeting = Bonjour,
mail-confirm-intro = Vous, ou quelqu’un utilisant votre adresse, avez signé cette pétition :
mail-confirm-action = Pour confirmer votre signature, ouvrez ce lien et appuyez sur le bouton de la page :
mail-confirm-ignore = Si vous n’avez pas signé, ignorez ce message : sans confirmation, la signature n’est pas comptée et sera supprimée.
mail-test-subject = Message de test de Rustition
mail-test-body = Ce message a été envoyé par « rustition mail test ». L’envoi de courriels de cette instance fonctionne.

## Errors
error-title = Un problème est survenu
error-generic = La requête n’a pas pu aboutir.
error-not-found = Cette page n’existe pas, ou n’est plus publique.
error-too-large = Ce que vous avez envoyé est trop volumineux.
error-length-required = Un envoi de fichier doit annoncer sa taille : renvoyez-le depuis le formulaire.
error-forbidden = Vous n’avez pas le droit de faire cela.
error-bad-request = La requête n’a pas pu être comprise. Revenez en arrière et réessayez.
error-csrf = Ce formulaire a expiré. Revenez en arrière, rechargez la page et envoyez-le à nouveau.
error-origin = Ce formulaire a été envoyé depuis un autre site : il n’a donc pas été accepté. Si vous l’avez rempli ici, revenez en arrière, rechargez la page et envoyez-le à nouveau.
error-invalid = Certains champs ne sont pas valides.
error-internal = Une erreur est survenue de notre côté. Elle a été enregistrée ; merci de réessayer plus tard.
error-busy = Le serveur est occupé. Merci de réessayer.

## Accounts
account-menu = Compte
signed-in-as = Connecté·e en tant que { $name }
login-title = Se connecter
login-button = Se connecter
logout-button = Se déconnecter
field-login = Nom d’utilisateur ou adresse électronique
field-password = Mot de passe
field-username = Nom d’utilisateur
field-display_name = Nom affiché
error-login-failed = Ce nom d’utilisateur ou ce mot de passe n’est pas le bon.
error-rate-limited = Trop de tentatives. Merci d’attendre une minute avant de réessayer.
error-password-short = Utilisez au moins 10 caractères.
error-name-short = C’est trop court.
error-name-characters = Utilisez seulement des lettres minuscules, des chiffres, « - » et « _ ».
error-name-reserved = Ce nom est réservé. Merci d’en choisir un autre.
error-username-taken = Ce nom d’utilisateur est déjà pris.
error-email-taken = Un compte utilise déjà cette adresse électronique.
error-email-same = C’est déjà l’adresse de votre compte.
flash-signed-out = Vous êtes déconnecté·e.
flash-setup-done = Votre compte d’administration est prêt. Bienvenue !
setup-title = Installer cette instance
setup-explain = Aucun compte n’existe encore. Créez le compte d’administration de cette instance.
setup-button = Créer le compte d’administration

## Administration: mail queue
admin-mail-title = File des courriels
admin-mail-filter = Filtrer par état
admin-mail-all = Tous
admin-mail-recipient = Destinataire
admin-mail-status = État
admin-mail-attempts = Tentatives
admin-mail-next = Prochaine tentative
admin-mail-error = Dernière erreur
admin-mail-actions = Actions
admin-mail-retry = Réessayer maintenant
admin-mail-cancel = Annuler
admin-mail-empty = Aucun courriel ici.
flash-mail-retried = Le courriel sera renvoyé sous peu.
flash-mail-cancelled = Le courriel ne sera pas envoyé.
mail-status-queued = En attente
mail-status-sending = En cours d’envoi
mail-status-sent = Envoyé
mail-status-failed = Échec
mail-status-cancelled = Annulé

## Registration and mailed account links
register-title = Créer un compte
register-button = Créer mon compte
register-have-account = Vous avez déjà un compte ? Connectez-vous.
register-done-title = Consultez votre messagerie
register-done-message = Si cette adresse peut être utilisée, un message est en route vers elle. Ouvrez le lien qu’il contient pour activer votre compte.
field-challenge = Vérification que vous êtes une personne
number-1 = un
number-2 = deux
number-3 = trois
number-4 = quatre
number-5 = cinq
number-6 = six
number-7 = sept
number-8 = huit
number-9 = neuf
number-10 = dix
error-challenge-wrong = Ce n’est pas la bonne réponse. Voici une nouvelle question.
error-registration-closed = Cette instance n’accepte pas de nouveaux comptes.
verify-title = Activer votre compte
verify-explain = Appuyez sur le bouton pour confirmer votre adresse électronique et activer votre compte.
verify-button = Activer mon compte
flash-verified = Votre adresse est confirmée. Bienvenue !
error-link-invalid = Ce lien n’est pas valide : il a déjà servi ou a expiré. Demandez-en un nouveau.
forgot-title = Mot de passe oublié
forgot-explain = Indiquez l’adresse électronique de votre compte ; nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-button = M’envoyer un lien
forgot-done = Si un compte utilise cette adresse, un message avec un lien est en route. Le lien est valable une heure.
reset-title = Choisir un nouveau mot de passe
reset-button = Enregistrer mon nouveau mot de passe
flash-password-reset = Votre mot de passe est changé. Connectez-vous avec lui.
reset-link-gone-title = Ce lien ne fonctionne plus
reset-link-gone-message = Ce lien pour choisir un nouveau mot de passe a déjà servi ou a expiré (il est valable une heure). Demandez-en un nouveau.
reset-link-gone-ask = Demander un nouveau lien
login-forgot = Mot de passe oublié ?
error-login-unverified = Ce compte n’est pas encore activé : ouvrez le lien du message que nous vous avons envoyé.
mail-greeting = Bonjour,
mail-verify-subject = Activez votre compte
mail-verify-intro = Pour confirmer votre adresse électronique et activer votre compte, ouvrez ce lien et appuyez sur le bouton de la page :
mail-verify-ignore = Si vous n’avez rien demandé, ignorez ce message.
mail-reset-subject = Choisissez un nouveau mot de passe
mail-reset-intro = Quelqu’un, sans doute vous, a demandé à changer le mot de passe de votre compte. Pour en choisir un nouveau, ouvrez ce lien (valable une heure) :
mail-reset-ignore = Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.
mail-email-change-subject = Confirmez votre nouvelle adresse électronique
mail-email-change-intro = Pour utiliser cette adresse pour votre compte, ouvrez ce lien et appuyez sur le bouton de la page :
mail-invitation-subject = { $inviter } vous invite à rejoindre { $organisation }
mail-invitation-intro = { $inviter } vous invite à rejoindre l’organisation « { $organisation } ». Pour répondre, ouvrez ce lien :
mail-invitation-ignore = Si vous ne souhaitez pas la rejoindre, ignorez ce message.
mail-register-taken-subject = Quelqu’un a tenté de créer un compte avec votre adresse
mail-register-taken-intro = Quelqu’un, peut-être vous, a tenté de créer un compte sur ce site avec cette adresse électronique. C’est déjà l’adresse de votre compte : aucun second compte n’a été créé.
mail-register-taken-login = Pour vous connecter à votre compte, ouvrez ce lien :
mail-taken-forgot = Si vous avez oublié votre mot de passe, choisissez-en un nouveau ici :
mail-taken-ignore = Si ce n’était pas vous, ignorez ce message : rien n’a été changé.
mail-email-taken-subject = Quelqu’un a tenté d’utiliser votre adresse pour un autre compte
mail-email-taken-intro = Quelqu’un connecté à un autre compte de ce site a demandé à utiliser cette adresse électronique pour celui-ci. C’est déjà l’adresse de votre compte : rien n’a été changé, et aucun autre compte ne peut l’utiliser.
mail-email-notice-subject = L’adresse électronique de votre compte va changer
mail-email-notice-intro = Quelqu’un connecté à votre compte a demandé à changer son adresse électronique pour { $masked }. Le changement sera fait dès que le lien envoyé à cette adresse sera ouvert.
mail-email-notice-action = Si ce n’était pas vous, quelqu’un d’autre utilise peut-être votre compte. Choisissez sans attendre un nouveau mot de passe (cela déconnecte tout le monde et annule le changement) :
mail-email-notice-ok = Si c’était vous, vous n’avez rien à faire.

## Account settings
account-title = Mon compte
account-profile = Profil
field-locale = Langue
save-button = Enregistrer
account-email = Adresse électronique
account-current-email = Adresse actuelle : { $email }
account-email-button = Changer mon adresse
account-password = Mot de passe
account-password-button = Changer mon mot de passe
field-current_password = Mot de passe actuel
field-new_password = Nouveau mot de passe
error-password-wrong = Ce n’est pas votre mot de passe actuel.
account-delete-title = Supprimer mon compte
account-delete-explain = Votre compte et vos propres pétitions, avec leurs signatures, seront supprimés définitivement.
account-delete-organisations = Ces organisations n’ont pas d’autre membre et seront supprimées aussi, avec leurs pétitions :
account-delete-button = Supprimer définitivement mon compte
error-delete-last-admin = Vous êtes la seule personne à pouvoir gérer les membres d’une organisation qui en compte d’autres. Donnez d’abord à l’un d’eux le droit de modifier les permissions.
flash-saved = Enregistré.
flash-email-sent = Un message a été envoyé à la nouvelle adresse. Ouvrez son lien pour confirmer le changement.
flash-email-changed = Votre adresse électronique est changée.
flash-password-changed = Votre mot de passe est changé.
flash-account-deleted = Votre compte est supprimé.
email-change-title = Confirmez votre nouvelle adresse
email-change-explain = Appuyez sur le bouton pour utiliser cette adresse pour votre compte.
email-change-button = Confirmer ma nouvelle adresse

## Organisations
org-website = Site web
org-petitions = Pétitions
org-new-title = Créer une organisation
org-new-button = Créer l’organisation
field-name = Nom
field-slug = Nom court dans les adresses (par ex. amis-du-parc)
field-description = Description
field-website = Site web
error-url-invalid = Ce n’est pas une adresse web commençant par http:// ou https://.
error-slug-taken = Ce nom court est déjà pris.
flash-organisation-created = L’organisation est créée.
dashboard-title = Tableau de bord
dashboard-organisations = Mes organisations
dashboard-public-page = page publique
dashboard-no-organisation = Vous n’appartenez encore à aucune organisation.
members-title = Membres
members-save = Enregistrer
members-remove = Retirer
members-invite = Inviter quelqu’un
members-invite-button = Envoyer l’invitation
members-leave = Quitter cette organisation
field-invitee = Nom d’utilisateur ou adresse électronique
error-invitee-unknown = Aucun compte ne porte ce nom. Pour inviter une personne sans compte, donnez son adresse électronique.
error-already-member = Cette personne est déjà membre.
error-last-admin = Une organisation doit garder au moins un membre pouvant modifier les permissions.
error-invitation-other = Cette invitation est destinée à un autre compte.
flash-invitation-sent = L’invitation est envoyée.
flash-member-removed = Le membre est retiré.
flash-left = Vous avez quitté l’organisation.
flash-joined = Bienvenue dans l’organisation !
flash-declined = L’invitation est déclinée.
invitation-title = Invitation
invitation-explain = Vous êtes invité·e à rejoindre l’organisation « { $organisation } ».
invitation-accept = Accepter
invitation-decline = Décliner
invitation-sign-in = J’ai un compte : me connecter pour répondre
invitation-register = Je n’ai pas de compte : en créer un
yes = oui
no = non
flag-add_members = Ajouter des membres
flag-remove_members = Retirer des membres
flag-create_petitions = Créer des pétitions
flag-modify_petitions = Modifier des pétitions
flag-delete_petitions = Supprimer des pétitions
flag-create_templates = Créer des modèles
flag-modify_templates = Modifier des modèles
flag-delete_templates = Supprimer des modèles
flag-view_signatures = Voir les signatures
flag-modify_signatures = Modifier les signatures
flag-delete_signatures = Supprimer les signatures
flag-modify_permissions = Modifier les permissions
challenge-image-label = Tapez les lettres de l’image
challenge-image-alt = Lettres déformées à recopier. Si vous ne pouvez pas les lire, demandez aux administrateurs de cette instance de créer votre compte.
