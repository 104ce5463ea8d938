# La consegna di una petizione a un destinatario.
mail-delivery-subject = { $count ->
    [one] Petizione «{ $title }»: { $count } firma
   *[other] Petizione «{ $title }»: { $count } firme
}
mail-delivery-greeting = Gentile { $name },
mail-delivery-intro = { $count ->
    [one] { $owner } Le consegna la petizione «{ $title }», firmata da { $count } persona.
   *[other] { $owner } Le consegna la petizione «{ $title }», firmata da { $count } persone.
}
mail-delivery-link = Il testo, le firme al giorno e l'elenco delle firme da scaricare o stampare si trovano in questa pagina:
mail-delivery-footer = Riceve questo messaggio perché gli organizzatori di questa petizione L'hanno indicata come uno dei suoi destinatari.
