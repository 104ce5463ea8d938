# Rustition — español (registro: «tú»).

## Marco de la página
site-name = Rustition
skip-to-content = Saltar al contenido
language-menu = Idioma
# The name of this language, written in this language.
language-name = Español
# How this language writes a date, and a date with a time (always UTC), in chrono's strftime
# syntax: %-d day, %B month name, %Y year, %H:%M hour and minute (see TRANSLATING.md).
format-date = %-d de %B de %Y
format-datetime = %-d de %B de %Y a las %H:%M UTC
footer-text = Alojado por cuenta propia con Rustition. Sin rastreadores ni terceros.
back-home = Volver a la página de inicio

## Página de inicio
index-title = Peticiones
index-empty = Todavía no hay ninguna petición publicada.

## Sí y no, en las tablas
yes = sí
no = no
meta-description = Peticiones alojadas por { $site }: firma, sigue y comparte sin rastreadores.
