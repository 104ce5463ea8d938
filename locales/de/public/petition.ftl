## Petition page
progress-heading = Bisherige Unterschriften
signature-count = { $count ->
    [one] { $count } Unterschrift
   *[other] { $count } Unterschriften
}
goal-of = Ziel: { $goal }
sign-heading = Diese Petition unterschreiben
sign-button = Unterschreiben
sign-privacy = Ihre Angaben dienen dazu, Ihre Unterschrift zu zählen und zu bestätigen, und die Organisator*innen der Petition sehen sie; Ihre E-Mail-Adresse wird nie öffentlich angezeigt.
sign-closed = Diese Petition nimmt keine Unterschriften mehr an.
back-to-petition = Zurück zu „{ $title }“
# Die öffentliche Seite einer Petition: Fortschritt und Teilen.
progress-text = { $count } von { $goal ->
        [one] { $goal } Unterschrift
       *[other] { $goal } Unterschriften
    }
goal-reached = Ziel von { $goal ->
        [one] { $goal } Unterschrift
       *[other] { $goal } Unterschriften
    } erreicht!
goal-raised = Das erste Ziel von { $reached ->
        [one] { $reached } Unterschrift
       *[other] { $reached } Unterschriften
    } ist erreicht. Neues Ziel: { $goal }.
share-heading = Diese Petition teilen
share-by-email = Per E-Mail teilen
share-on-mastodon = Auf Mastodon teilen
share-on-diaspora = Auf Diaspora teilen
share-instance-mastodon = Ihre Mastodon-Instanz (zum Beispiel mastodon.social)
share-instance-diaspora = Ihr Diaspora-Pod (zum Beispiel diasp.org)
share-instance-hint = Diese Website schickt Sie nur über den Link, den sie dann anzeigt, zu Ihrem Server und lädt nichts von dort.
share-leaving = Sie verlassen diese Website und gehen zu { $host }.
share-go = Weiter zu { $host }
share-leaving-hint = Prüfen Sie, ob das Ihr Server ist: Sein Name steht so da, wie Ihr Browser ihn aufrufen wird.
share-continue = Weiter
share-link-label = Link zu dieser Petition
share-text = Ich habe „{ $title }“ unterschrieben. Unterschreiben Sie auch?
share-mail-subject = Petition: { $title }
field-instance = Ihr Server
thanks-mailed-earlier = An diese Adresse wurde vor weniger als einer Stunde schon eine Bestätigungs-E-Mail für diese Petition geschickt, deshalb wurde diesmal keine verschickt. Öffnen Sie den Link in jener E-Mail (sehen Sie auch in Ihrem Spam-Ordner nach).
confirm-details-heading = Sie bestätigen
confirm-details-name = Name
confirm-details-yes = Ja
confirm-details-wrong = Wenn das nicht die Angaben sind, mit denen Sie unterschrieben haben, klicken Sie nicht auf die Schaltfläche: Ignorieren Sie diese Seite.

# Die Fragen der Prüfung: mehrere Arten, je zwei Formulierungen, Zahlen in Worten.
challenge-sum-1 = Um zu zeigen, dass Sie ein Mensch sind: Was ergibt { $a } plus { $b }?
challenge-sum-2 = Addieren Sie { $a } und { $b }. Welche Zahl erhalten Sie?
challenge-difference-1 = Um zu zeigen, dass Sie ein Mensch sind: Was ergibt { $a } minus { $b }?
challenge-difference-2 = Ziehen Sie { $b } von { $a } ab. Was bleibt übrig?
challenge-largest-1 = Welche dieser Zahlen ist die größte: { $a }, { $b }, { $c }?
challenge-largest-2 = Welche Zahl ist die größte von { $a }, { $b } und { $c }?
challenge-letters-1 = Wie viele Buchstaben hat das Wort „{ $word }“?
challenge-letters-2 = Zählen Sie die Buchstaben von „{ $word }“. Wie viele sind es?
challenge-nth-word-1 = Was ist das { $n ->
        [1] erste
        [2] zweite
        [3] dritte
       *[4] vierte
    } Wort von „{ $words }“?
challenge-nth-word-2 = Welches Wort steht in „{ $words }“ an { $n ->
        [1] erster
        [2] zweiter
        [3] dritter
       *[4] vierter
    } Stelle?
challenge-digits-1 = Geben Sie diese Ziffern als eine Zahl ein: { $a }, { $b }, { $c }.
challenge-digits-2 = Schreiben Sie { $a }, dann { $b }, dann { $c } in Ziffern, ohne Leerzeichen.

## Personal-data retention: the organiser's setting, the public page, the signatures page and the downloads.
retention-public-open = Die personenbezogenen Daten der Unterzeichnenden werden { $days ->
        [one] einen Tag
       *[other] { $days } Tage
    } nach dem Ende dieser Petition gelöscht.
retention-public-closed = Die personenbezogenen Daten der Unterzeichnenden werden am { $date } gelöscht.
retention-public-erased = Die personenbezogenen Daten der Unterzeichnenden wurden am { $date } gelöscht.

## The challenge on signing and registration forms: its label, and numbers named in words.
field-challenge = Zeigen Sie, dass Sie ein Mensch sind
number-1 = eins
number-2 = zwei
number-3 = drei
number-4 = vier
number-5 = fünf
number-6 = sechs
number-7 = sieben
number-8 = acht
number-9 = neun
number-10 = zehn
petition-languages = Diese Petition in anderen Sprachen
petition-side = Mehr zu dieser Petition

# The progress component: what is still needed to reach the goal.
progress-needed = { $needed ->
        [one] Noch eine Unterschrift bis zum Ziel von { $goal }
       *[other] Noch { $needed } Unterschriften bis zum Ziel von { $goal }
    }
