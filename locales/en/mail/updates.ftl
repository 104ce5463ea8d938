## Mails of a petition's updates and response to the signers who asked for them.
mail-update-subject = { $title }: { $update }
mail-response-subject = The response to “{ $title }”
mail-update-greeting = Hello,
mail-update-intro = The organisers of “{ $title }”, which you signed, have news:
mail-response-intro = The petition “{ $title }”, which you signed, received its response on { $date }:
mail-response-document = The response document:
mail-update-petition = The petition’s page:
mail-update-why = You receive this mail because you asked to be kept informed when you signed.
mail-update-unsubscribe = To receive no more of them, open this link:
