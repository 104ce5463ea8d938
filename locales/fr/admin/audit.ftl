## Conservation des données personnelles : le réglage de l’organisateur, la page publique, la page des signatures et les téléchargements.
audit-retention-erase = Données personnelles des signataires effacées (conservation)
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

audit-operator = (opérateur)
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

# Le trafic d’une pétition, pour la modération (/admin/petitions/<id>/traffic).
traffic-title = D’où viennent les signatures
traffic-open-label = Trafic de la pétition numéro
traffic-open-button = Afficher
traffic-explain = Signatures { $hours ->
        [one] de la dernière heure
       *[other] des { $hours } dernières heures
    }, heure par heure, avec les domaines de destinataires et les clients qui en ont envoyé le plus. Un client est une empreinte à clé de son adresse : la même adresse donne toujours la même clé, et l’adresse elle-même n’est jamais conservée.
traffic-hour = Heure
traffic-signatures = Signatures
traffic-invalidated = Invalidées
traffic-domains = Principaux domaines de destinataires
traffic-clients = Principaux clients
traffic-client-unknown = (non enregistré)
traffic-none = Aucune signature sur cette période.
traffic-invalidate-heading = Invalider des signatures selon une règle
traffic-invalidate-explain = Les signatures qui répondent à tous les critères donnés sont invalidées : elles ne comptent plus, sont conservées et montrées comme invalidées à l’organisateur, et la règle est inscrite au journal d’audit. Leurs courriels de confirmation encore en attente ne partent pas. Voyez d’abord combien seraient invalidées.
field-rule_domain = Domaine du destinataire (par exemple example.org)
field-rule_client = Clé du client
field-rule_from = Depuis (UTC)
field-rule_until = Jusqu’à (UTC)
field-rule_which = Signatures
field-rule_reason = Motif (pour le journal d’audit)
traffic-reason-hint = Dites pourquoi : le journal d’audit le garde avec la règle et le nombre.
traffic-which-all = En attente et confirmées
traffic-which-pending = En attente seulement
traffic-which-confirmed = Confirmées seulement
traffic-dry-run-button = Compter les signatures que prend cette règle
traffic-dry-run-result = { $count ->
    [0] Cette règle ne prend aucune signature.
    [one] Cette règle invaliderait une signature.
   *[other] Cette règle invaliderait { $count } signatures.
}
traffic-invalidate-button = { $count ->
    [one] Invalider cette signature
   *[other] Invalider ces { $count } signatures
}
flash-signatures-invalidated = Les signatures sont invalidées. Le journal d’audit garde la règle et leur nombre.
audit-petition-refuse = Pétition refusée
audit-reason-change = Motif de signalement modifié
