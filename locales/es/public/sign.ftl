## Campos del formulario y sus errores
field-first_name = Nombre
field-last_name = Apellidos
field-email = Correo electrónico
field-phone = Número de teléfono
field-optional = (opcional)
honeypot-label = Deja este campo vacío
