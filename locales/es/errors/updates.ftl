## Refusals of the updates and response forms.
error-update-weekly-cap = Esta petición ya envió todas las novedades que puede esta semana. Inténtelo de nuevo dentro de unos días, cuando la más antigua tenga una semana.
error-response-date-future = Esta fecha está en el futuro.
error-response-date-invalid = Esto no es una fecha (año-mes-día, por ejemplo 2026-12-03).
