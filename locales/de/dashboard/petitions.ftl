# Nur die Meldungen dieser Datei, die auch öffentliche Seiten zeigen (Felder des
# Unterschriftenformulars, Seitenzahlen der Namensliste); alle anderen erscheinen auf Englisch.
pagination = Seiten
page-previous = Vorherige Seite
page-next = Nächste Seite
page-of = Seite { $page } von { $pages }
page-first = Erste Seite
page-last = Letzte Seite
field-postal_code = Postleitzahl
field-country = Land
field-organisation = Organisation
