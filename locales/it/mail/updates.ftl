## Mails of a petition's updates and response to the signers who asked for them.
mail-update-subject = { $title }: { $update }
mail-response-subject = La risposta a «{ $title }»
mail-update-greeting = Ciao,
mail-update-intro = Gli organizzatori di «{ $title }», che hai firmato, hanno novità:
mail-response-intro = La petizione «{ $title }», che hai firmato, ha ricevuto la sua risposta il { $date }:
mail-response-document = Il documento della risposta:
mail-update-petition = La pagina della petizione:
mail-update-why = Ricevi questa email perché al momento della firma hai chiesto di essere tenuto/a informato/a.
mail-update-unsubscribe = Per non riceverne più, apri questo link:
