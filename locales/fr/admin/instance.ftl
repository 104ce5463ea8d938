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
field-guest_petitions = Les visiteurs peuvent lancer une pétition avec leur seule adresse électronique (sur /new)
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
admin-stats-signatures = Signatures confirmées { $days ->
        [one] ces dernières 24 heures
       *[other] ces { $days } derniers jours
    }
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
field-retention_days = Jours après la clôture d’une pétition avant l’effacement des données personnelles de ses signataires
settings-retention-hint = Noms, adresses et tous les champs sont alors effacés ; les décomptes et les chiffres par jour restent. Chaque pétition peut fixer sa propre durée.
