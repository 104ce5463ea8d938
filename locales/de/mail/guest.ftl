## Eine Petition ohne Konto (/new)
mail-guest-verify-subject = Bestätigen Sie Ihre Adresse, um Ihre Petition zu starten
mail-guest-verify-intro = Sie, oder jemand, der Ihre Adresse kennt, möchten auf dieser Seite eine Petition starten. Öffnen Sie diesen Link, um Ihre Adresse zu bestätigen und die Petition zu schreiben:
mail-guest-verify-valid = Der Link funktioniert { $days ->
        [one] einen Tag
       *[other] { $days } Tage
    } lang.
mail-guest-ignore = Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Nichts wird veröffentlicht.
mail-guest-link-subject = Der Verwaltungslink Ihrer Petition
mail-guest-link-intro = Hier ist der private Link zur Verwaltung Ihrer Petition (bearbeiten, veröffentlichen, Unterschriften ansehen, mit einem Konto verbinden):
mail-guest-link-keep = Bewahren Sie diese Nachricht auf und leiten Sie sie nicht weiter: Wer den Link hat, verwaltet die Petition. Sie können ihn auf ihrer Seite widerrufen.
