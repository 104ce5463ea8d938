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
flash-signed-out = Vous êtes déconnecté·e.
flash-setup-done = Votre compte d’administration est prêt. Bienvenue !
setup-title = Installer cette instance
setup-explain = Aucun compte n’existe encore. Créez le compte d’administration de cette instance.
setup-button = Créer le compte d’administration

## Registration and mailed account links
register-title = Créer un compte
register-button = Créer mon compte
register-have-account = Vous avez déjà un compte ? Connectez-vous.
register-done-title = Consultez votre messagerie
register-done-message = Si cette adresse peut être utilisée, un message est en route vers elle. Ouvrez le lien qu’il contient pour activer votre compte.
verify-title = Activer votre compte
verify-explain = Appuyez sur le bouton pour confirmer votre adresse électronique et activer votre compte.
verify-button = Activer mon compte
flash-verified = Votre adresse est confirmée. Bienvenue !
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
account-delete-title = Supprimer mon compte
account-delete-explain = Votre compte et vos propres pétitions, avec leurs signatures, seront supprimés définitivement.
account-delete-organisations = Ces organisations n’ont pas d’autre membre et seront supprimées aussi, avec leurs pétitions :
account-delete-button = Supprimer définitivement mon compte
flash-saved = Enregistré.
flash-email-sent = Un message a été envoyé à la nouvelle adresse. Ouvrez son lien pour confirmer le changement.
flash-email-changed = Votre adresse électronique est changée.
flash-password-changed = Votre mot de passe est changé.
flash-account-deleted = Votre compte est supprimé.
email-change-title = Confirmez votre nouvelle adresse
email-change-explain = Appuyez sur le bouton pour utiliser cette adresse pour votre compte.
email-change-button = Confirmer ma nouvelle adresse

## Organisations
challenge-image-label = Tapez les lettres de l’image
challenge-image-alt = Lettres déformées à recopier. Si vous ne pouvez pas les lire, demandez aux administrateurs de cette instance de créer votre compte.
