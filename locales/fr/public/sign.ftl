## Form fields and their errors
field-first_name = Prénom
field-last_name = Nom
field-email = Adresse électronique
field-phone = Numéro de téléphone
field-optional = (facultatif)
honeypot-label = Laissez ce champ vide
