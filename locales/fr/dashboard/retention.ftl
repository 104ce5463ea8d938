## Conservation des données personnelles : le réglage de l’organisateur, la page publique, la page des signatures et les téléchargements.
retention-heading = Données personnelles des signataires
retention-field-hint = Laissez vide pour la valeur par défaut de ce site : { $days ->
        [one] un jour
       *[other] { $days } jours
    }. De 1 à 3650 jours.
retention-dashboard-closed = Les noms, adresses électroniques et champs des signataires seront effacés le { $date } ; le décompte et les chiffres par jour restent.
retention-dashboard-erased = Les noms, adresses électroniques et champs des signataires ont été effacés le { $date }, au terme de la durée de conservation ; le décompte et les chiffres par jour restent. Dans le téléchargement CSV, leurs cellules indiquent « { signature-erased } » (vides en JSON), et la colonne « { export-erased-at } » donne la date.
export-hint = La colonne « { export-newsletter } » n’indique « yes » (oui) que pour les signatures confirmées dont le ou la signataire a coché la case : une signature non confirmée ne vaut pas consentement.
export-erased-at = Données personnelles effacées le
signature-erased = (effacé)
