# Rustition — français.

## Page frame
site-name = Rustition
skip-to-content = Aller au contenu
language-menu = Langue
# The name of this language, written in this language.
language-name = Français
# How this language writes a date, and a date with a time (always UTC), in chrono's strftime
# syntax: %-d day, %B month name, %Y year, %H:%M hour and minute (see TRANSLATING.md).
format-date = %-d %B %Y
format-datetime = %-d %B %Y à %H h %M UTC
footer-text = Hébergé par nos soins avec Rustition. Aucun pisteur, aucun tiers.
back-home = Retour à l’accueil

## Home page
index-title = Pétitions
index-empty = Aucune pétition n’est encore publiée.

## Yes and no, in tables
yes = oui
no = non
# La description que montrent les moteurs de recherche, sur les pages qui n’en ont pas.
meta-description = Pétitions hébergées par { $site } : signez, suivez et partagez sans pisteur.
