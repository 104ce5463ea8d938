# Die Übergabe einer Petition an einen Adressaten.
mail-delivery-subject = { $count ->
    [one] Petition „{ $title }“: { $count } Unterschrift
   *[other] Petition „{ $title }“: { $count } Unterschriften
}
mail-delivery-greeting = Guten Tag { $name },
mail-delivery-intro = { $count ->
    [one] { $owner } übergibt Ihnen die Petition „{ $title }“, unterzeichnet von { $count } Person.
   *[other] { $owner } übergibt Ihnen die Petition „{ $title }“, unterzeichnet von { $count } Personen.
}
mail-delivery-link = Ihr Text, ihre Unterschriften pro Tag und die Liste der Unterschriften zum Herunterladen oder Drucken finden Sie auf dieser Seite:
mail-delivery-footer = Sie erhalten diese Nachricht, weil die Organisatoren dieser Petition Sie als einen ihrer Adressaten genannt haben.
