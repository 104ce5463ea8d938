# Spanish: only the messages of this area that public pages show too (the header, the signing form's
# fields, pagination, the picture challenge). The rest of this area falls back to English, message by message.
pagination = Páginas
page-previous = Página anterior
page-next = Página siguiente
page-of = Página { $page } de { $pages }
page-first = Primera página
page-last = Última página
field-postal_code = Código postal
field-country = País
field-organisation = Organización
