## Refusals of the updates and response forms.
error-update-weekly-cap = This petition has sent as many updates as it may this week. Try again in a few days, once the oldest of them is a week old.
error-response-date-future = This date is in the future.
error-response-date-invalid = This is not a date (year-month-day, for example 2026-12-03).
