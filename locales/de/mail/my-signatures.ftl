## My signatures (/my-signatures): the signer's own page of their signatures
mail-portal-subject = Der Link zu Ihren Unterschriften
mail-portal-intro = Sie, oder jemand, der Ihre Adresse kennt, hat nach den Petitionen gefragt, die mit dieser Adresse auf dieser Website unterschrieben wurden. Öffnen Sie diesen Link, um sie zu sehen, zurückzuziehen oder alles herunterzuladen, was über Sie gespeichert ist:
mail-portal-valid = Der Link ist { $minutes ->
        [one] eine Minute
       *[other] { $minutes } Minuten
    } lang gültig. Wer ihn hat, sieht Ihre Unterschriften: Leiten Sie diese Nachricht nicht weiter.
mail-portal-ignore = Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Es ändert sich nichts.
