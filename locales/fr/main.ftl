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
goal-of = objectif : { $goal }
sign-heading = Signer cette pétition
sign-button = Signer
sign-privacy = Votre adresse électronique sert uniquement à confirmer votre signature. Elle n’est jamais affichée publiquement.
sign-closed = Cette pétition n’accepte plus de signatures.
back-to-petition = Retour à « { $title } »

## Form fields and their errors
field-first_name = Prénom
field-last_name = Nom
field-email = Adresse électronique
field-phone = Numéro de téléphone
field-optional = (facultatif)
honeypot-label = Laissez ce champ vide
form-has-errors = Merci de corriger ce qui suit :
error-required = Ce champ est obligatoire.
error-too-long = C’est trop long.
error-invalid-characters = Ce champ contient des caractères non autorisés.
error-email-invalid = Ce n’est pas une adresse électronique valide, par exemple nom@exemple.org.
error-phone-invalid = Ce n’est pas un numéro de téléphone valide.

## After signing
thanks-title = Merci ! Encore une étape
thanks-check-mail = Nous vous avons envoyé un courriel. Ouvrez le lien qu’il contient pour confirmer votre signature : elle ne compte qu’une fois confirmée.
thanks-not-received = Pas de courriel après quelques minutes ? Regardez dans vos indésirables, ou signez à nouveau avec la même adresse.

## Confirmation landing page
confirm-title = Confirmez votre signature
confirm-explain = Appuyez sur le bouton pour confirmer que vous signez cette pétition.
confirm-button = Confirmer ma signature
confirm-done = Votre signature est confirmée. Merci !
confirm-already = Votre signature était déjà confirmée. Merci !
confirm-expired = Ce lien de confirmation a expiré. Signez à nouveau la pétition pour en recevoir un nouveau.
confirm-unknown = Ce lien de confirmation n’est pas valide. Vérifiez qu’il a été copié en entier, ou signez à nouveau la pétition.

## Mail
mail-confirm-subject = Merci de confirmer votre signature : { $title }
mail-confirm-greeting = Bonjour,
mail-confirm-intro = Vous, ou quelqu’un utilisant votre adresse, avez signé cette pétition :
mail-confirm-action = Pour confirmer votre signature, ouvrez ce lien et appuyez sur le bouton de la page :
mail-confirm-ignore = Si vous n’avez pas signé, ignorez ce message : sans confirmation, la signature n’est pas comptée et sera supprimée.
mail-test-subject = Message de test de Rustition
mail-test-body = Ce message a été envoyé par « rustition mail test ». L’envoi de courriels de cette instance fonctionne.

## Errors
error-title = Un problème est survenu
error-generic = La requête n’a pas pu aboutir.
error-not-found = Cette page n’existe pas, ou n’est plus publique.
error-too-large = Ce que vous avez envoyé est trop volumineux.
error-forbidden = Vous n’avez pas le droit de faire cela.
error-bad-request = La requête n’a pas pu être comprise. Revenez en arrière et réessayez.
error-csrf = Ce formulaire a expiré. Revenez en arrière, rechargez la page et envoyez-le à nouveau.
error-invalid = Certains champs ne sont pas valides.
error-internal = Une erreur est survenue de notre côté. Elle a été enregistrée ; merci de réessayer plus tard.
error-owner = Une pétition appartient à une seule personne ou à une seule organisation.
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
error-name-characters = Utilisez seulement des lettres minuscules, des chiffres, « - » et « _ ».
error-name-reserved = Ce nom est réservé. Merci d’en choisir un autre.
error-username-taken = Ce nom d’utilisateur est déjà pris.
error-email-taken = Un compte utilise déjà cette adresse électronique.
flash-signed-out = Vous êtes déconnecté·e.
flash-setup-done = Votre compte d’administration est prêt. Bienvenue !
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
