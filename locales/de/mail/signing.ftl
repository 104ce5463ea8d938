## Mail
mail-confirm-subject = Bitte bestätigen Sie Ihre Unterschrift: { $title }
mail-confirm-greeting = Guten Tag,
mail-confirm-intro = Sie, oder jemand, der Ihre Adresse verwendet, hat diese Petition unterschrieben:
mail-confirm-action = Um Ihre Unterschrift zu bestätigen, öffnen Sie diesen Link und klicken Sie auf der Seite auf die Schaltfläche:
mail-confirm-ignore = Wenn Sie nicht unterschrieben haben, ignorieren Sie diese Nachricht: Ohne Bestätigung wird die Unterschrift nicht gezählt und gelöscht.

## The confirmed page, and the pages under /withdraw/.
mail-withdraw-action = Um Ihre Unterschrift jederzeit zurückzuziehen und Ihre Angaben dazu zu löschen, öffnen Sie diesen Link:
