# A chi si rivolge una petizione, e la sua pagina di consegna (ticket 17).
addressees-heading = Rivolta a
delivery-title = Consegna: { $title }
delivery-by = Una petizione di { $owner }
delivery-to = Consegnata a:
delivery-count = { $count ->
    [one] { $count } firma
   *[other] { $count } firme
}
delivery-date = Consegnata il { $date }.
delivery-count-now = { $count ->
    [one] Ora ha { $count } firma.
   *[other] Ora ha { $count } firme.
}
delivery-file-csv = Scarica le firme (CSV)
delivery-file-print = Versione stampabile
delivery-text = La petizione
delivery-per-day = Firme al giorno
delivery-per-day-table = Gli stessi dati in una tabella
delivery-col-day = Giorno
delivery-col-signatures = Firme
delivery-names = Firmatari che hanno scelto di essere nominati
delivery-names-more = Altri nomi
delivery-back = Torna alla consegna
delivery-print-hint = Usate il comando Stampa del vostro browser.
delivery-chart-title = Firme confermate al giorno
delivery-chart-desc = Barre dal { $first } al { $last }; la più alta vale { $max }.
delivery-chart-bar = { $date }: { $count }
delivery-file-number = Numero
delivery-file-confirmed = Confermata il
delivery-file-name = Nome
