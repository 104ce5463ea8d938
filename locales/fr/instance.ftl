# Administration de l'instance : réglages, comptes et organisations, statistiques ; profils des organisations.
document-terms = Conditions d'utilisation
document-privacy = Politique de confidentialité
document-legal = Mentions légales
footer-documents = À propos de cette instance

error-personal-petitions-off = Cette instance n'accueille que des pétitions d'organisations : choisissez une organisation.
error-registration-invite-only = La création d'un compte demande l'invitation d'une organisation de cette instance.
error-not-on-yourself = Vous ne pouvez pas changer votre propre rôle.
error-paused-message-required = Dites aux signataires pourquoi les signatures sont suspendues.
wizard-no-owner = Cette instance n'accueille que des pétitions d'organisations. Rejoignez ou créez d'abord une organisation.

flash-nothing-changed = Rien n'a changé.
flash-moderator-granted = Le rôle de modérateur a été attribué.
flash-moderator-revoked = Le rôle de modérateur a été retiré.
flash-logo-removed = Le logo a été supprimé.

admin-settings-title = Réglages
settings-intro = Les changements s'appliquent aussitôt, sans redémarrer le serveur.
settings-identity = L'instance
settings-name = Nom de l'instance
settings-description-hint = Une phrase ou deux sur qui fait vivre cette instance, et pour qui.
field-banner = Bandeau affiché sur chaque page
settings-accounts = Comptes et pétitions
field-registration = Qui peut créer un compte
settings-registration-open = Tout le monde
settings-registration-invite-only = Seulement les personnes invitées par une organisation
settings-registration-closed = Personne (les administrateurs créent les comptes)
field-organisation_creation = Qui peut créer des organisations
settings-organisation_creation-anyone = Toute personne ayant un compte
settings-organisation_creation-admins = Les administrateurs seulement
field-default_theme = Thème des nouvelles pétitions
field-personal_petitions = Chacun peut lancer une pétition en son nom (pas seulement les organisations)
settings-signing = Signatures
field-signing_paused = Suspendre les signatures sur toutes les pétitions
field-signing_paused_message = Message affiché aux signataires pendant la suspension
settings-paused-hint = Affiché sur chaque pétition à la place du formulaire.
settings-documents = Documents
settings-documents-hint = Rédigés en Markdown. Chaque document rempli est lié en bas de chaque page.
field-terms = Conditions d'utilisation
field-privacy = Politique de confidentialité
field-legal = Mentions légales
settings-save = Enregistrer les réglages

admin-statistics-title = Statistiques
admin-stats-petitions = Pétitions
admin-stats-total = Toutes les pétitions
admin-stats-signatures = Signatures confirmées ces { $days } derniers jours
admin-stats-confirmed = { $count ->
    [0] Aucune signature n'a été confirmée pendant cette période.
    [one] Une signature a été confirmée pendant cette période.
   *[other] { $count } signatures ont été confirmées pendant cette période.
}
admin-stats-mail = Courriels
admin-stats-mail-waiting = Courriels en attente d'envoi
admin-stats-mail-oldest = Plus ancien courriel en attente
admin-stats-minutes = { $count ->
    [0] en file depuis moins d'une minute
    [one] en file depuis une minute
   *[other] en file depuis { $count } minutes
}
admin-stats-mail-failed = Courriels en échec

admin-users-title = Comptes
admin-users-search = Nom d'utilisateur, nom ou adresse électronique
admin-users-total = { $count ->
    [0] Aucun compte.
    [one] Un compte.
   *[other] { $count } comptes.
}
admin-users-created = Créé le
admin-users-verified = Adresse vérifiée
admin-users-roles = Rôles
role-admin = Administrateur
role-moderator = Modérateur
admin-users-grant = Faire de { $name } un modérateur
admin-users-revoke = Retirer le rôle de modérateur à { $name }
admin-list-empty = Aucun résultat.

admin-organisations-title = Organisations
admin-organisations-search = Nom ou nom court
admin-organisations-total = { $count ->
    [0] Aucune organisation.
    [one] Une organisation.
   *[other] { $count } organisations.
}
admin-organisations-members = Membres
profile-edit-link = Modifier le profil de { $name }

profile-title = Profil public
profile-description-hint = Affiché sur la page de l'organisation. Le Markdown est accepté.
profile-save = Enregistrer le profil
profile-logo = Logo
field-logo = Logo (PNG ou JPEG, 2 Mo au plus)
profile-logo-hint = Il est réduit pour tenir dans 400 × 400 pixels et enregistré de nouveau en JPEG.
profile-logo-upload = Envoyer le logo
profile-logo-remove = Supprimer le logo
org-logo-alt = Logo de { $name }
flag-edit_profile = Modifier le profil public
field-retention_days = Jours après la clôture d’une pétition avant l’effacement des données personnelles de ses signataires
settings-retention-hint = Noms, adresses et tous les champs sont alors effacés ; les décomptes et les chiffres par jour restent. Chaque pétition peut fixer sa propre durée.
error-retention-days = Saisissez un nombre de jours entre 1 et 3650.
