## Form fields and their errors
field-first_name = Vorname
field-last_name = Nachname
field-email = E-Mail-Adresse
field-phone = Telefonnummer
field-optional = (optional)
honeypot-label = Dieses Feld leer lassen
