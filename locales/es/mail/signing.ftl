## Correo
mail-confirm-subject = Confirma tu firma, por favor: { $title }
mail-confirm-greeting = Hola:
mail-confirm-intro = Tú, o alguien que usa tu dirección, firmó esta petición:
mail-confirm-action = Para confirmar tu firma, abre este enlace y pulsa el botón de la página:
mail-confirm-ignore = Si no firmaste, ignora este mensaje: sin confirmación, la firma no se cuenta y se borra.

## Enlaces para retirar una firma, y las páginas bajo /withdraw/.
mail-withdraw-action = Para retirar tu firma en cualquier momento y borrar lo que diste con ella, abre este enlace:
