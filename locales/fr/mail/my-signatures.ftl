## Mes signatures (/my-signatures) : la page où chaque signataire retrouve ses signatures
mail-portal-subject = Le lien vers vos signatures
mail-portal-intro = Vous, ou quelqu’un qui connaît votre adresse, avez demandé la liste des pétitions signées avec cette adresse sur ce site. Ouvrez ce lien pour les voir, les retirer, ou télécharger tout ce qui est conservé à votre sujet :
mail-portal-valid = Le lien fonctionne pendant { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }. Quiconque l’a voit vos signatures : ne transférez pas ce message.
mail-portal-ignore = Si vous ne l’avez pas demandé, ignorez ce message : rien ne change.
