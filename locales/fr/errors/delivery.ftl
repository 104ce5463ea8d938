error-addressees-too-many = Une pétition peut avoir au plus 20 destinataires.
error-delivery-milestone = Écrivez le nombre de signatures, un nombre entier entre 1 et 1 000 000 000.
error-delivery-no-addressees = Ajoutez un destinataire avant de remettre la pétition.
