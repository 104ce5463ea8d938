# Italian: only the messages of this area that public pages show too (the header, the signing form's
# fields, pagination, the picture challenge). The rest of this area falls back to English, message by message.
pagination = Pagine
page-previous = Pagina precedente
page-next = Pagina successiva
page-of = Pagina { $page } di { $pages }
page-first = Prima pagina
page-last = Ultima pagina
field-postal_code = Codice postale
field-country = Paese
field-organisation = Organizzazione
