## Les pages des organisateurs après la reprise du design (ticket no 20) : suppression d’un modèle, étape
## image de l’assistant et récapitulatif, tableau des champs des signataires, couleurs de l’apparence.

# L’intitulé de l’erreur quand un mail de confirmation est redemandé trop tôt (page des signatures).
field-resend = Mail de confirmation
template-delete-title = Supprimer ce modèle
template-delete-question = Supprimer le modèle « { $name } » ? Les pétitions déjà commencées à partir de lui gardent leur texte et leurs réglages.
wizard-step-image = Image
wizard-image-intro = Une image en tête de la pétition : le thème campagne l’affiche en grand, et les aperçus de liens l’utilisent. Cette étape est facultative : continuez sans image, ou ajoutez-la plus tard depuis la page de la pétition.
review-owner = Propriétaire
review-image = Image
review-no-image = Pas d’image
# La première colonne du tableau des champs ; les autres sont rule-required, rule-optional et rule-off.
rules-field = Champ
colours-legend = Couleurs
colours-theme = Les couleurs du thème
colours-own = Mes propres couleurs
