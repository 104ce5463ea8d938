## Mails of a petition's updates and response to the signers who asked for them.
mail-update-subject = { $title }: { $update }
mail-response-subject = Die Antwort auf „{ $title }“
mail-update-greeting = Hallo,
mail-update-intro = Die Organisatoren von „{ $title }“, die Sie unterschrieben haben, haben Neuigkeiten:
mail-response-intro = Die Petition „{ $title }“, die Sie unterschrieben haben, hat am { $date } ihre Antwort erhalten:
mail-response-document = Das Antwortdokument:
mail-update-petition = Die Seite der Petition:
mail-update-why = Sie erhalten diese E-Mail, weil Sie beim Unterschreiben gebeten haben, auf dem Laufenden gehalten zu werden.
mail-update-unsubscribe = Um keine weiteren zu erhalten, öffnen Sie diesen Link:
