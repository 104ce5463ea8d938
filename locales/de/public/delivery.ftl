# An wen sich eine Petition richtet, und ihre Übergabeseite (Ticket 17).
addressees-heading = Gerichtet an
delivery-title = Übergabe: { $title }
delivery-by = Eine Petition von { $owner }
delivery-to = Übergeben an:
delivery-count = { $count ->
    [one] { $count } Unterschrift
   *[other] { $count } Unterschriften
}
delivery-date = Übergeben am { $date }.
delivery-count-now = { $count ->
    [one] Sie hat jetzt { $count } Unterschrift.
   *[other] Sie hat jetzt { $count } Unterschriften.
}
delivery-file-csv = Unterschriften herunterladen (CSV)
delivery-file-print = Druckversion
delivery-text = Die Petition
delivery-per-day = Unterschriften pro Tag
delivery-per-day-table = Dieselben Zahlen als Tabelle
delivery-col-day = Tag
delivery-col-signatures = Unterschriften
delivery-names = Unterzeichnende, die genannt werden wollten
delivery-names-more = Weitere Namen
delivery-back = Zurück zur Übergabe
delivery-print-hint = Nutzen Sie die Druckfunktion Ihres Browsers.
delivery-chart-title = Bestätigte Unterschriften pro Tag
delivery-chart-desc = Balken vom { $first } bis { $last }; der höchste beträgt { $max }.
delivery-chart-bar = { $date }: { $count }
delivery-file-number = Nummer
delivery-file-confirmed = Bestätigt am
delivery-file-name = Name
