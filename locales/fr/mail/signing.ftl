## Mail
mail-confirm-subject = Merci de confirmer votre signature : { $title }
mail-confirm-greeting = Bonjour,
mail-confirm-intro = Vous, ou quelqu’un utilisant votre adresse, avez signé cette pétition :
mail-confirm-action = Pour confirmer votre signature, ouvrez ce lien et appuyez sur le bouton de la page :
mail-confirm-ignore = Si vous n’avez pas signé, ignorez ce message : sans confirmation, la signature n’est pas comptée et sera supprimée.

## remerciement et la page de confirmation, et les pages sous /withdraw/.
mail-withdraw-action = Pour retirer votre signature à tout moment, et effacer les informations fournies avec elle, ouvrez ce lien :
