## Organisations
error-url-invalid = Ce n’est pas une adresse web commençant par http:// ou https://.
error-slug-taken = Ce nom court est déjà pris.
error-invitee-unknown = Aucun compte ne porte ce nom. Pour inviter une personne sans compte, donnez son adresse électronique.
error-already-member = Cette personne est déjà membre.
error-last-admin = Une organisation doit garder au moins un membre pouvant modifier les permissions.
error-invitation-other = Cette invitation est destinée à un autre compte.

## Erreurs
error-choice-invalid = Choisissez l’une des options.
error-colour-invalid = Écrivez une couleur sous la forme # suivi de six chiffres hexadécimaux, par exemple #0b5d3b.
error-contrast-background = Ce fond est trop sombre pour le texte : choisissez-en un plus clair.
error-contrast-accent = La couleur d’accent ne ressort pas assez sur le fond (le niveau AA des WCAG demande un contraste de 4,5 pour 1).
error-contrast-button = Le texte des boutons de cette couleur d’accent serait difficile à lire : choisissez un accent plus sombre ou plus clair.
error-custom-label-required = Donnez un intitulé à ce champ, ou choisissez « Non demandé ».
error-goal-invalid = Écrivez un nombre entier entre 0 et 1 000 000 000.
error-number-invalid = Écrivez un nombre entier entre 0 et 1 000 000 000.
error-permalink-too-many = Une pétition peut avoir au plus 10 liens permanents.
error-publish-incomplete = Une pétition doit avoir un titre et un texte avant d’être publiée.
error-resend-confirmed = Cette signature est déjà confirmée.
error-resend-too-soon = Un courriel de confirmation a été envoyé à cette adresse il y a moins de dix minutes.
error-transfer-same = La pétition appartient déjà à ce propriétaire.
error-transfer-slug-taken = Le nouveau propriétaire utilise déjà l’un des liens permanents de cette pétition. Retirez-le d’abord de cette pétition.

## Assistant
error-not-in-wizard = Cette pétition n’est plus un brouillon en cours de création. Modifiez-la depuis sa page.

## Statistiques
error-image-missing = Choisissez un fichier image.
error-image-too-large = Ce fichier dépasse 2 Mo.
error-image-type = Ce fichier n’est pas une image PNG ou JPEG.
error-image-broken = Cette image n’a pas pu être lue.
error-image-dimensions = Cette image a trop de pixels : 40 mégapixels au plus (par exemple 8000 × 5000).

error-personal-petitions-off = Cette instance n'accueille que des pétitions d'organisations : choisissez une organisation.
