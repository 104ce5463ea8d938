# Rustition — English, the reference locale: every key of locales/en/ (all its folders) must exist in every other locale.

## Page frame
site-name = Rustition
skip-to-content = Skip to content
language-menu = Language
# The name of this language, written in this language.
language-name = English
footer-text = Self-hosted with Rustition. No trackers, no third parties.
back-home = Back to the home page

## Home page
index-title = Petitions
index-empty = There is no published petition yet.

## Yes and no, in tables
yes = yes
no = no
