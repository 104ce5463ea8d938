## Form fields and their errors
field-first_name = First name
field-last_name = Last name
field-email = Email address
field-phone = Phone number
field-optional = (optional)
honeypot-label = Leave this field empty
