## Eine Petition ohne Konto (/new)
error-guest-petitions-off = Diese Seite bietet keine Petitionen ohne Konto an. Melden Sie sich an oder erstellen Sie ein Konto, um eine zu starten.
