## Form fields and their errors
field-first_name = Nome
field-last_name = Cognome
field-email = Indirizzo email
field-phone = Numero di telefono
field-optional = (facoltativo)
honeypot-label = Lascia vuoto questo campo
