# La remise d’une pétition à un destinataire.
mail-delivery-subject = { $count ->
    [one] Pétition « { $title } » : { $count } signature
   *[other] Pétition « { $title } » : { $count } signatures
}
mail-delivery-greeting = Bonjour { $name },
mail-delivery-intro = { $count ->
    [one] { $owner } vous remet la pétition « { $title } », signée par { $count } personne.
   *[other] { $owner } vous remet la pétition « { $title } », signée par { $count } personnes.
}
mail-delivery-link = Son texte, ses signatures par jour et la liste des signatures à télécharger ou à imprimer sont sur cette page :
mail-delivery-footer = Vous recevez ce message parce que les organisateurs de cette pétition vous ont désigné comme l’un de ses destinataires.
