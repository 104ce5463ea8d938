error-addressees-too-many = Une pétition peut avoir au plus 20 destinataires.
error-delivery-milestone = Écrivez le nombre de signatures, un nombre entier entre 1 et 1 000 000 000.
error-delivery-no-addressees = Ajoutez un destinataire avant de remettre la pétition.
error-delivery-withheld = Les modérateurs de cette instance ont retiré cette pétition de la vue du public : sa remise n’est donc plus affichée et elle ne peut pas être remise.
