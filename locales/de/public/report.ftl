# Moderation: eine Petition melden, und was die Öffentlichkeit von einer zurückgehaltenen sieht.
report-link = Diese Petition melden
report-title = Diese Petition melden
report-intro = Teilen Sie der Moderation dieser Website mit, was mit „{ $title }“ nicht stimmt. Sie brauchen kein Konto, und wir fragen nicht, wer Sie sind.
field-reason = Grund
field-details = Einzelheiten
report-details-hint = Was sollte die Moderation wissen? Ein Link oder ein Zitat hilft.
report-submit = Meldung senden
reported-title = Vielen Dank
reported-message = Ihre Meldung ist eingegangen. Die Moderation wird sich diese Petition ansehen.

withheld-title = Diese Petition ist nicht verfügbar
withheld-hidden = Die Moderation dieser Website hat diese Petition ausgeblendet.
withheld-suspended = Das Konto oder die Organisation, die diese Petition betreibt, ist gesperrt.
withheld-awaiting-review = Diese Petition wartet auf die Prüfung durch die Moderation dieser Website.
withheld-category = Grund: { $category }
