# À qui s’adresse une pétition, et sa page de remise (ticket 17).
addressees-heading = Adressée à
delivery-title = Remise : { $title }
delivery-by = Une pétition de { $owner }
delivery-to = Remise à :
delivery-count = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
delivery-date = Remise le { $date }.
delivery-count-now = { $count ->
    [one] Elle compte aujourd’hui { $count } signature.
   *[other] Elle compte aujourd’hui { $count } signatures.
}
delivery-file-csv = Télécharger les signatures (CSV)
delivery-file-print = Version imprimable
delivery-text = La pétition
delivery-per-day = Signatures par jour
delivery-per-day-table = Les mêmes chiffres en tableau
delivery-col-day = Jour
delivery-col-signatures = Signatures
delivery-names = Signataires qui ont choisi d’être nommés
delivery-names-more = Plus de noms
delivery-back = Retour à la remise
delivery-print-hint = Utilisez la commande Imprimer de votre navigateur.
delivery-chart-title = Signatures confirmées par jour
delivery-chart-desc = Barres du { $first } au { $last } ; la plus haute vaut { $max }.
delivery-chart-bar = { $date } : { $count }
delivery-file-number = Numéro
delivery-file-confirmed = Confirmée le
delivery-file-name = Nom
