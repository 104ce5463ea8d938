## Refusals of the updates and response forms.
error-update-weekly-cap = Cette pétition a envoyé autant de nouvelles qu’elle le peut cette semaine. Réessayez dans quelques jours, quand la plus ancienne aura une semaine.
error-response-date-future = Cette date est dans le futur.
error-response-date-invalid = Ce n’est pas une date (année-mois-jour, par exemple 2026-12-03).
