## Mails of a petition's updates and response to the signers who asked for them.
mail-update-subject = { $title }: { $update }
mail-response-subject = La respuesta a «{ $title }»
mail-update-greeting = Hola:
mail-update-intro = Los organizadores de «{ $title }», que usted firmó, tienen novedades:
mail-response-intro = La petición «{ $title }», que usted firmó, recibió su respuesta el { $date }:
mail-response-document = El documento de la respuesta:
mail-update-petition = La página de la petición:
mail-update-why = Recibe este correo porque pidió que le mantuviéramos informado/a al firmar.
mail-update-unsubscribe = Para no recibir más, abra este enlace:
