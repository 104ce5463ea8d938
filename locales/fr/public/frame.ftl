# Rustition — français.

## Page frame
site-name = Rustition
skip-to-content = Aller au contenu
language-menu = Langue
# The name of this language, written in this language.
language-name = Français
footer-text = Hébergé par nos soins avec Rustition. Aucun pisteur, aucun tiers.
back-home = Retour à l’accueil

## Home page
index-title = Pétitions
index-empty = Aucune pétition n’est encore publiée.

## Yes and no, in tables
yes = oui
no = non
