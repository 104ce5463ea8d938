# Rustition — English, the reference locale: every key of locales/en/ (all its folders) must exist in every other locale.

## Page frame
site-name = Rustition
skip-to-content = Skip to content
language-menu = Language
# The name of this language, written in this language.
language-name = English
# How this language writes a date, and a date with a time (always UTC), in chrono's strftime
# syntax: %-d day, %B month name, %Y year, %H:%M hour and minute (see TRANSLATING.md).
format-date = %B %-d, %Y
format-datetime = %B %-d, %Y, %H:%M UTC
footer-text = Self-hosted with Rustition. No trackers, no third parties.
back-home = Back to the home page

## Home page
index-title = Petitions
index-empty = There is no published petition yet.

## Yes and no, in tables
yes = yes
no = no
# The page description search engines show, on pages without one of their own.
meta-description = Petitions hosted by { $site }: sign, follow and share without trackers.
