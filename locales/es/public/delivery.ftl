# A quién se dirige una petición, y su página de entrega (ticket 17).
addressees-heading = Dirigida a
delivery-title = Entrega: { $title }
delivery-by = Una petición de { $owner }
delivery-to = Entregada a:
delivery-count = { $count ->
    [one] { $count } firma
   *[other] { $count } firmas
}
delivery-date = Entregada el { $date }.
delivery-count-now = { $count ->
    [one] Ahora tiene { $count } firma.
   *[other] Ahora tiene { $count } firmas.
}
delivery-file-csv = Descargar las firmas (CSV)
delivery-file-print = Versión para imprimir
delivery-text = La petición
delivery-per-day = Firmas por día
delivery-per-day-table = Las mismas cifras en una tabla
delivery-col-day = Día
delivery-col-signatures = Firmas
delivery-names = Firmantes que eligieron aparecer con su nombre
delivery-names-more = Más nombres
delivery-back = Volver a la entrega
delivery-print-hint = Use la orden Imprimir de su navegador.
delivery-chart-title = Firmas confirmadas por día
delivery-chart-desc = Barras del { $first } al { $last }; la más alta es { $max }.
delivery-chart-bar = { $date }: { $count }
delivery-file-number = Número
delivery-file-confirmed = Confirmada el
delivery-file-name = Nombre
