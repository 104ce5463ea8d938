# Rustition — italiano.

## Page frame
site-name = Rustition
skip-to-content = Vai al contenuto
language-menu = Lingua
# The name of this language, written in this language.
language-name = Italiano
# How this language writes a date, and a date with a time (always UTC), in chrono's strftime
# syntax: %-d day, %B month name, %Y year, %H:%M hour and minute (see TRANSLATING.md).
format-date = %-d %B %Y
format-datetime = %-d %B %Y alle %H:%M UTC
footer-text = Ospitato in autonomia con Rustition. Nessun tracciamento, nessuna terza parte.
back-home = Torna alla pagina iniziale

## Home page
index-title = Petizioni
index-empty = Non c’è ancora nessuna petizione pubblicata.

## Yes and no, in tables
yes = sì
no = no
meta-description = Petizioni ospitate da { $site }: firma, segui e condividi senza tracciamento.
