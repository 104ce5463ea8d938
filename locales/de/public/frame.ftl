# Rustition — Deutsch. Was hier fehlt, wird Meldung für Meldung auf Englisch angezeigt.

## Page frame
site-name = Rustition
skip-to-content = Zum Inhalt springen
language-menu = Sprache
# Der Name dieser Sprache, in dieser Sprache.
language-name = Deutsch
# Wie Deutsch ein Datum schreibt, und ein Datum mit Uhrzeit (immer UTC), in der strftime-Syntax
# von chrono: %-d Tag, %B Monatsname, %Y Jahr, %H:%M Stunde und Minute (siehe TRANSLATING.md).
format-date = %-d. %B %Y
format-datetime = %-d. %B %Y, %H:%M UTC
footer-text = Selbst gehostet mit Rustition. Keine Tracker, keine Dritten.
back-home = Zurück zur Startseite

## Home page
index-title = Petitionen
index-empty = Es gibt noch keine veröffentlichte Petition.

## Yes and no, in tables
yes = ja
no = nein
meta-description = Petitionen bei { $site }: unterschreiben, verfolgen und teilen ohne Tracker.
