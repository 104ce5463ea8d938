## After signing
thanks-title = Danke! Nur noch ein Schritt
thanks-check-mail = Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin, um Ihre Unterschrift zu bestätigen: Sie zählt erst, wenn sie bestätigt ist.
thanks-not-received = Nach ein paar Minuten noch keine E-Mail? Sehen Sie in Ihrem Spam-Ordner nach, oder unterschreiben Sie noch einmal mit derselben Adresse.

## Confirmation landing page
confirm-title = Bestätigen Sie Ihre Unterschrift
confirm-explain = Klicken Sie auf die Schaltfläche, um zu bestätigen, dass Sie diese Petition unterschreiben.
confirm-button = Meine Unterschrift bestätigen
confirm-done = Ihre Unterschrift ist bestätigt. Vielen Dank!
confirm-already = Ihre Unterschrift war bereits bestätigt. Vielen Dank!
confirm-expired = Dieser Bestätigungslink ist abgelaufen. Unterschreiben Sie die Petition noch einmal, um einen neuen zu erhalten.
confirm-unknown = Dieser Bestätigungslink ist ungültig. Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder unterschreiben Sie die Petition noch einmal.

## After confirming (the page the confirmation redirects to), and the next step
confirmed-title = Unterschrift bestätigt
share-next-heading = Nächster Schritt: Bitten Sie andere, zu unterschreiben
share-next-text = Jede Unterschrift zählt. Teilen Sie diese Petition mit Menschen, die sie auch unterschreiben könnten.
share-wait-heading = In der Zwischenzeit: Bitten Sie andere, zu unterschreiben
confirm-expired-again = Erneut unterschreiben und einen neuen Link erhalten
confirm-expired-portal = Auf der Seite „Meine Unterschriften“ sehen Sie auch die Petitionen, die Sie mit dieser Adresse unterschrieben haben.
