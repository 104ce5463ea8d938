## Refusals of the updates and response forms.
error-update-weekly-cap = Diese Petition hat diese Woche so viele Neuigkeiten verschickt, wie sie darf. Versuchen Sie es in einigen Tagen erneut, wenn die älteste davon eine Woche alt ist.
error-response-date-future = Dieses Datum liegt in der Zukunft.
error-response-date-invalid = Das ist kein Datum (Jahr-Monat-Tag, zum Beispiel 2026-12-03).
