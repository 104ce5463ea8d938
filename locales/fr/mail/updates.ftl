## Mails of a petition's updates and response to the signers who asked for them.
mail-update-subject = { $title } : { $update }
mail-response-subject = La réponse à « { $title } »
mail-update-greeting = Bonjour,
mail-update-intro = Les organisateurs de « { $title } », que vous avez signée, ont des nouvelles :
mail-response-intro = La pétition « { $title } », que vous avez signée, a reçu sa réponse le { $date } :
mail-response-document = Le document de la réponse :
mail-update-petition = La page de la pétition :
mail-update-why = Vous recevez ce courriel parce que vous avez demandé à être tenu·e informé·e en signant.
mail-update-unsubscribe = Pour ne plus en recevoir, ouvrez ce lien :
