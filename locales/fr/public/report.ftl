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

withheld-title = Cette pétition n’est pas disponible
withheld-hidden = Les modérateurs de ce site ont masqué cette pétition.
withheld-suspended = Le compte ou l’organisation qui porte cette pétition est suspendu.
withheld-awaiting-review = Cette pétition attend l’examen des modérateurs de ce site.
withheld-category = Motif : { $category }
