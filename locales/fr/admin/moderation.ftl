moderation-title = Modération
moderation-withheld-title = Pétitions masquées et suspensions
moderation-pending-title = En attente d’approbation
moderation-pending-none = Aucune pétition n’attend d’approbation.
moderation-reports-title = Signalements
moderation-total = { $count ->
    [0] Aucune pétition n’a de signalement ouvert.
    [one] Une pétition a des signalements ouverts.
   *[other] { $count } pétitions ont des signalements ouverts.
}
moderation-owner = Par { $owner }
moderation-traffic = Trafic
moderation-open-reports = { $count ->
    [0] Aucun signalement ouvert
    [one] Un signalement ouvert
   *[other] { $count } signalements ouverts
}
moderation-latest = le dernier le { $when }
moderation-reason-count = { $reason } : { $count }
moderation-state-label = État
moderation-state-ok = Affichée
moderation-state-hidden = Masquée
moderation-state-pending = En attente d’approbation
moderation-owner-label = Portée par
moderation-owner-suspended = suspendu
moderation-public-page = Page publique
moderation-dashboard-page = Dans le tableau de bord
moderation-actions = Actions
field-note = Raison donnée
moderation-approve = Approuver
moderation-refuse = Refuser (retour au brouillon)
moderation-hide = Masquer la pétition
moderation-hide-reason = Catégorie
moderation-choose-reason = Choisissez une catégorie
moderation-unhide = Afficher à nouveau
moderation-dismiss = Classer les signalements
moderation-suspend-user = Suspendre le compte
moderation-unsuspend-user = Rétablir le compte
moderation-suspend-organisation = Suspendre l’organisation
moderation-unsuspend-organisation = Rétablir l’organisation
moderation-hidden-petitions = Pétitions masquées
moderation-suspended-users = Comptes suspendus
moderation-suspended-organisations = Organisations suspendues
moderation-none = Aucune.

field-label = Libellé
reasons-title = Motifs de signalement
reasons-intro = Les motifs que propose le formulaire de signalement, dans chaque langue du site. Un motif retiré n’est plus proposé ; les signalements qui le citaient le gardent.
reasons-label = Libellé ({ $language })
reasons-active = Proposé dans le formulaire
reasons-save = Enregistrer
reasons-add = Ajouter un motif

flash-moderation-hidden = La pétition est masquée et ses organisateurs en sont informés.
flash-moderation-unhidden = La pétition est à nouveau affichée.
flash-moderation-dismissed = Les signalements sont classés.
flash-moderation-approved = La pétition est approuvée : elle est publique désormais.
flash-moderation-refused = La pétition est revenue au brouillon et ses organisateurs en sont informés.
flash-moderation-suspended = Suspendu.
flash-moderation-unsuspended = Rétabli.
flash-reason-saved = Le motif est enregistré.
