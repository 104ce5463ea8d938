## My signatures (/my-signatures): the signer's own page of their signatures
portal-footer-link = Meine Unterschriften
portal-title = Meine Unterschriften
portal-explain = Geben Sie die E-Mail-Adresse ein, mit der Sie unterschrieben haben. Wurden mit ihr Petitionen auf dieser Website unterschrieben, schicken wir ihr einen Link zu einer Seite, die sie auflistet: Dort können Sie Ihre Unterschriften zurückziehen, Ihre Newsletter-Auswahl ändern und alles herunterladen, was wir über Sie speichern. Der Link ist { $minutes ->
        [one] eine Minute
       *[other] { $minutes } Minuten
    } lang gültig.
portal-ask-button = Link per E-Mail schicken
portal-privacy = Ihre Adresse wird nur verwendet, um Ihre Unterschriften zu finden und Ihnen diesen Link zu schicken.
portal-asked-title = Sehen Sie in Ihrem Postfach nach
portal-asked-message = Falls mit dieser Adresse eine Petition auf dieser Website unterschrieben wurde, ist ein Link zu Ihren Unterschriften unterwegs; das kann ein paar Minuten dauern, und er kann in Ihrem Spam-Ordner landen. Haben Sie gerade eben schon einen angefordert, verwenden Sie den damals geschickten Link: Ein neuer wird nur alle paar Minuten verschickt.
portal-link-gone-title = Dieser Link öffnet Ihre Unterschriften nicht
portal-expired-message = Dieser Link ist abgelaufen: Zum Schutz Ihrer Privatsphäre gelten Links nur kurze Zeit. Fordern Sie mit Ihrer E-Mail-Adresse einen neuen an.
portal-unknown-message = Dieser Link ist ungültig. Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder fordern Sie einen neuen an.
portal-ask-again = Neuen Link anfordern
portal-list-count = { $count ->
    [0] Mit dieser Adresse wurde auf dieser Website nichts unterschrieben.
    [one] Mit dieser Adresse wurde auf dieser Website eine Petition unterschrieben.
   *[other] Mit dieser Adresse wurden auf dieser Website { $count } Petitionen unterschrieben.
}
portal-list-capped = Hier { $count ->
        [one] steht nur die neueste
       *[other] stehen nur die { $count } neuesten
    }. Der Download enthält alle.
portal-link-valid-until = Diese Seite funktioniert bis { $time }. Um später wiederzukommen, fordern Sie einen neuen Link an.
portal-status-pending = Wartet auf Bestätigung
portal-status-confirmed = Bestätigt
portal-status-invalidated = Nicht gezählt: von der Moderation für ungültig erklärt
portal-signed-on = Unterschrieben am { $date }
portal-confirmed-on = bestätigt am { $date }
portal-change-pending = Neue Antworten, die Sie beim erneuten Unterschreiben gegeben haben, warten darauf, dass Sie sie mit dem damals geschickten Link bestätigen.
portal-newsletter-save = Meine Auswahl speichern
portal-withdraw-button = Diese Unterschrift zurückziehen
portal-withdraw-all-link = Alle meine Unterschriften zurückziehen
portal-export-link = Alles herunterladen, was über mich gespeichert ist (JSON)
portal-withdraw-all-explain = { $count ->
    [0] Mit dieser Adresse gibt es keine Unterschrift mehr, die Sie zurückziehen könnten.
    [one] Ihre Unterschrift wird mit Ihren Angaben gelöscht und nicht mehr gezählt. Das lässt sich nicht rückgängig machen.
   *[other] Ihre { $count } Unterschriften werden mit Ihren Angaben gelöscht und nicht mehr gezählt. Das lässt sich nicht rückgängig machen.
}
portal-withdraw-all-button = { $count ->
    [one] Meine Unterschrift zurückziehen
   *[other] Meine { $count } Unterschriften zurückziehen
}
portal-back-to-list = Zurück zu meinen Unterschriften
portal-export-left-out = Nicht enthalten: die Hashes der Link-Tokens und der mit einem Schlüssel gebildete Hash der Netzwerkadresse, von der eine Unterschrift gesendet wurde. Sie dienen dieser Website nur dazu, ihre Links zu prüfen und Massenanfragen zu bremsen; denselben Netzwerk-Hash können auch andere Personen im selben Netzwerk haben.
flash-portal-withdrawn = Ihre Unterschrift ist zurückgezogen, und die Angaben, die Sie dabei gemacht haben, sind gelöscht.
flash-portal-withdrawn-all = Ihre Unterschriften sind zurückgezogen, und die Angaben, die Sie dabei gemacht haben, sind gelöscht.
flash-portal-newsletter-saved = Ihre Newsletter-Auswahl ist gespeichert.
