## Une pétition sans compte (/new)
mail-guest-verify-subject = Confirmez votre adresse pour lancer votre pétition
mail-guest-verify-intro = Vous, ou quelqu’un qui connaît votre adresse, avez demandé à lancer une pétition sur ce site. Ouvrez ce lien pour confirmer votre adresse et la rédiger :
mail-guest-verify-valid = Le lien fonctionne pendant { $days ->
        [one] un jour
       *[other] { $days } jours
    }.
mail-guest-ignore = Si vous ne l’avez pas demandé, ignorez ce message : rien n’est publié.
mail-guest-link-subject = Le lien de gestion de votre pétition
mail-guest-link-intro = Voici le lien privé pour gérer votre pétition (la modifier, la publier, voir ses signatures, la rattacher à un compte) :
mail-guest-link-keep = Gardez ce message et ne le transférez pas : quiconque a le lien gère la pétition. Vous pouvez le révoquer depuis sa page.
