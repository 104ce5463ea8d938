# Whom a petition is addressed to, and its delivery page (issue 17).
addressees-heading = Addressed to
delivery-title = Delivery: { $title }
delivery-by = A petition by { $owner }
delivery-to = Delivered to:
delivery-count = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
delivery-date = Delivered on { $date }.
delivery-count-now = { $count ->
    [one] It has { $count } signature now.
   *[other] It has { $count } signatures now.
}
delivery-file-csv = Download the signatures (CSV)
delivery-file-print = Printable version
delivery-text = The petition
delivery-per-day = Signatures per day
delivery-per-day-table = The same figures as a table
delivery-col-day = Day
delivery-col-signatures = Signatures
delivery-names = Signers who chose to be named
delivery-names-more = More names
delivery-back = Back to the delivery
delivery-print-hint = Use your browser's Print command.
delivery-chart-title = Confirmed signatures per day
delivery-chart-desc = Bars from { $first } to { $last }; the highest is { $max }.
delivery-chart-bar = { $date }: { $count }
delivery-file-number = Number
delivery-file-confirmed = Confirmed on
delivery-file-name = Name
