## Personal-data retention: the organiser's setting, the public page, the signatures page and the downloads.
retention-heading = Signers' personal data
retention-field-hint = Leave empty for this site's default: { $days ->
        [one] one day
       *[other] { $days } days
    }. From 1 to 3650 days.
retention-dashboard-closed = Signers' names, email addresses and fields will be erased on { $date }; the count and the daily figures stay.
retention-dashboard-erased = Signers' names, email addresses and fields were erased on { $date }, at the end of the retention period; the count and the daily figures stay. In the CSV download their cells read “{ signature-erased }” (empty in JSON), and the column “{ export-erased-at }” gives the date.
export-hint = The “{ export-newsletter }” column says “yes” only for confirmed signatures whose signer ticked the box: an unconfirmed signature is no consent.
export-erased-at = Personal data erased on
signature-erased = (erased)
