# Modération : signaler une pétition, ce que le public voit d’une pétition retenue, la file (/admin/moderation).
report-link = Signaler cette pétition
report-title = Signaler cette pétition
report-intro = Dites aux modérateurs de ce site ce qui ne va pas dans « { $title } ». Aucun compte n’est nécessaire et nous ne demandons pas qui vous êtes.
field-reason = Motif
field-details = Précisions
report-details-hint = Que doivent savoir les modérateurs ? Un lien ou une citation aide.
report-submit = Envoyer le signalement
reported-title = Merci
reported-message = Votre signalement a bien été reçu. Les modérateurs examineront cette pétition.
error-report-reason = Choisissez l’un des motifs.
error-report-rate = Vous avez envoyé beaucoup de signalements aujourd’hui. Réessayez demain.

withheld-title = Cette pétition n’est pas disponible
withheld-hidden = Les modérateurs de ce site ont masqué cette pétition.
withheld-suspended = Le compte ou l’organisation qui porte cette pétition est suspendu.
withheld-awaiting-review = Cette pétition attend l’examen des modérateurs de ce site.
withheld-category = Motif : { $category }

error-moderation-note-required = Écrivez la raison : elle est envoyée aux organisateurs et gardée dans le journal.
error-moderation-not-hidden = Cette pétition n’est pas masquée.
error-moderation-not-pending = Cette pétition n’attend pas d’approbation.
error-suspend-staff = Les administrateurs, les modérateurs et vous-même ne peuvent pas être suspendus d’ici.
error-organisation-suspended = Cette organisation est suspendue : aucune pétition ne peut être créée pour elle.
error-login-suspended = Ce compte est suspendu par les modérateurs de ce site.
error-reasons-full = Le formulaire propose déjà autant de motifs qu’il le peut. Modifiez ou retirez-en un.

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

mail-moderation-hidden-subject = Votre pétition « { $title } » a été masquée
mail-moderation-refused-subject = Votre pétition « { $title } » n’a pas été approuvée
mail-moderation-hidden-intro = Les modérateurs de ce site ont masqué votre pétition « { $title } » : sa page n’est plus affichée et elle ne reçoit plus de signatures.
mail-moderation-refused-intro = Les modérateurs de ce site n’ont pas approuvé votre pétition « { $title } » : elle est revenue au brouillon.
mail-moderation-category = Catégorie : { $category }
mail-moderation-note = Les modérateurs ont écrit :
mail-moderation-dashboard = Votre pétition dans le tableau de bord :

flash-moderation-hidden = La pétition est masquée et ses organisateurs en sont informés.
flash-moderation-unhidden = La pétition est à nouveau affichée.
flash-moderation-dismissed = Les signalements sont classés.
flash-moderation-approved = La pétition est approuvée : elle est publique désormais.
flash-moderation-refused = La pétition est revenue au brouillon et ses organisateurs en sont informés.
flash-moderation-suspended = Suspendu.
flash-moderation-unsuspended = Rétabli.
flash-reason-saved = Le motif est enregistré.

dashboard-awaiting-review = Cette pétition attend l’examen des modérateurs : elle sera publique dès qu’ils l’auront approuvée.
dashboard-hidden = Les modérateurs ont masqué cette pétition : sa page n’est pas affichée et elle ne reçoit pas de signatures.
