## After signing
thanks-title = Merci ! Encore une étape
thanks-check-mail = Nous vous avons envoyé un courriel. Ouvrez le lien qu’il contient pour confirmer votre signature : elle ne compte qu’une fois confirmée.
thanks-not-received = Pas de courriel après quelques minutes ? Regardez dans vos indésirables, ou signez à nouveau avec la même adresse.

## Confirmation landing page
confirm-title = Confirmez votre signature
confirm-explain = Appuyez sur le bouton pour confirmer que vous signez cette pétition.
confirm-button = Confirmer ma signature
confirm-done = Votre signature est confirmée. Merci !
confirm-already = Votre signature était déjà confirmée. Merci !
confirm-expired = Ce lien de confirmation a expiré. Signez à nouveau la pétition pour en recevoir un nouveau.
confirm-unknown = Ce lien de confirmation n’est pas valide. Vérifiez qu’il a été copié en entier, ou signez à nouveau la pétition.

## After confirming (the page the confirmation redirects to), and the next step
confirmed-title = Signature confirmée
share-next-heading = Prochaine étape : faites signer d’autres personnes
share-next-text = Chaque signature compte. Partagez cette pétition avec des personnes qui pourraient la signer aussi.
share-wait-heading = En attendant : faites signer d’autres personnes
confirm-expired-again = Signer à nouveau pour recevoir un nouveau lien
confirm-expired-portal = Vous pouvez aussi voir les pétitions signées avec cette adresse sur la page « Mes signatures ».
