# Administration de l’instance et modération (/admin).
admin-title = Administration
admin-all-petitions = Toutes les pétitions de l’instance
owner-all-instance = Toutes les pétitions de l’instance

admin-audit-title = Journal d’audit
audit-filter-actor = Par
audit-filter-action = Action
audit-filter-kind = Sur
audit-filter-target = Numéro
audit-filter-from = Du
audit-filter-until = Au
audit-total = { $count ->
    [0] Aucune entrée.
    [one] Une entrée.
   *[other] { $count } entrées.
}
audit-empty = Rien n’a été enregistré ici.
audit-when = Quand
audit-who = Qui
audit-what = Quoi
audit-target = Sur quoi
audit-why = Motif

audit-kind-petition = Pétition
audit-kind-organisation = Organisation
audit-kind-user = Compte
audit-kind-mail = Courriel
audit-kind-setting = Réglage
audit-kind-report = Signalement
audit-kind-reason = Motif de signalement
audit-kind-instance = Instance

audit-unknown = Autre action
audit-mail-retry = Courriel renvoyé
audit-mail-cancel = Courriel annulé
audit-role-grant = Rôle accordé
audit-role-revoke = Rôle retiré
audit-petition-hide = Pétition masquée
audit-petition-unhide = Pétition de nouveau visible
audit-petition-approve = Pétition approuvée
audit-report-dismiss = Signalements classés
audit-user-suspend = Compte suspendu
audit-user-unsuspend = Compte rétabli
audit-organisation-suspend = Organisation suspendue
audit-organisation-unsuspend = Organisation rétablie
audit-organisation-edit = Profil de l’organisation modifié
audit-setting-change = Réglage modifié
audit-signatures-invalidate = Signatures invalidées
audit-petition-refuse = Pétition refusée
audit-reason-change = Motif de signalement modifié
