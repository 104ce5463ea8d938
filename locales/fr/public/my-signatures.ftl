## Mes signatures (/my-signatures) : la page où chaque signataire retrouve ses signatures
portal-footer-link = Mes signatures
portal-title = Mes signatures
portal-explain = Saisissez l’adresse électronique avec laquelle vous avez signé. Si elle a signé des pétitions sur ce site, nous lui envoyons le lien d’une page qui les liste : vous pourrez les retirer, changer vos choix de lettre d’information et télécharger tout ce que nous conservons à votre sujet. Le lien fonctionne pendant { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }.
portal-ask-button = M’envoyer le lien
portal-privacy = Votre adresse sert uniquement à retrouver vos signatures et à vous envoyer ce lien.
portal-asked-title = Consultez votre messagerie
portal-asked-message = Si cette adresse a signé une pétition sur ce site, un lien vers vos signatures est en route ; il peut mettre quelques minutes à arriver, et se trouver dans vos indésirables. Si vous l’avez demandé il y a un instant, utilisez le lien envoyé alors : un nouveau lien n’est envoyé que toutes les quelques minutes.
portal-link-gone-title = Ce lien n’ouvre pas vos signatures
portal-expired-message = Ce lien a expiré : pour protéger votre vie privée, les liens ne fonctionnent que peu de temps. Demandez-en un nouveau avec votre adresse électronique.
portal-unknown-message = Ce lien n’est pas valide. Vérifiez que vous l’avez copié en entier, ou demandez-en un nouveau.
portal-ask-again = Demander un nouveau lien
portal-list-count = { $count ->
    [0] Cette adresse n’a signé aucune pétition sur ce site.
    [one] Cette adresse a signé une pétition sur ce site.
   *[other] Cette adresse a signé { $count } pétitions sur ce site.
}
portal-list-capped = { $count ->
        [one] Seule la plus récente est listée
       *[other] Seules les { $count } plus récentes sont listées
    } ici. Le téléchargement les contient toutes.
portal-link-valid-until = Cette page fonctionne jusqu’au { $time }. Pour revenir plus tard, demandez un nouveau lien.
portal-status-pending = En attente de confirmation
portal-status-confirmed = Confirmée
portal-status-invalidated = Non comptée : invalidée par un modérateur
portal-signed-on = Signée le { $date }
portal-confirmed-on = confirmée le { $date }
portal-change-pending = De nouvelles réponses, données en signant à nouveau, attendent votre confirmation par le lien envoyé alors.
portal-newsletter-save = Enregistrer mon choix
portal-withdraw-button = Retirer cette signature
portal-withdraw-all-link = Retirer toutes mes signatures
portal-export-link = Télécharger tout ce qui est conservé à mon sujet (JSON)
portal-withdraw-all-explain = { $count ->
    [0] Cette adresse n’a plus aucune signature à retirer.
    [one] Votre signature sera supprimée avec les informations que vous avez données, et ne sera plus comptée. C’est définitif.
   *[other] Vos { $count } signatures seront supprimées avec les informations que vous avez données, et ne seront plus comptées. C’est définitif.
}
portal-withdraw-all-button = { $count ->
    [one] Retirer ma signature
   *[other] Retirer mes { $count } signatures
}
portal-back-to-list = Retour à mes signatures
portal-export-left-out = Non inclus : les empreintes des jetons des liens, et l’empreinte chiffrée de l’adresse réseau d’où chaque signature a été envoyée. Elles servent seulement à ce site à vérifier ses liens et à freiner les envois massifs ; l’empreinte réseau peut être partagée avec d’autres personnes utilisant le même réseau.
flash-portal-withdrawn = Votre signature est retirée, et les informations données avec elle sont supprimées.
flash-portal-withdrawn-all = Vos signatures sont retirées, et les informations données avec elles sont supprimées.
flash-portal-newsletter-saved = Votre choix de lettre d’information est enregistré.
