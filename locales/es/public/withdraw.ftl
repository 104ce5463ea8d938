## Enlaces para retirar una firma en las páginas de agradecimiento y de confirmación, y las páginas bajo /withdraw/.
withdraw-title = Retira tu firma
withdraw-signature-explain = La firma de { $email } en esta petición, y todo lo que se dio con ella (nombre, dirección y demás respuestas), se borrará de inmediato. Dejará de contarse y no se conservará nada de ella.
withdraw-pending-explain = Esto anula la firma enviada desde el formulario que dio este enlace, siempre que no esté confirmada: se borra de inmediato, junto con los datos personales que se dieron con ella. Una firma ya confirmada se queda como está: quien la firmó puede retirarla con el enlace de su correo.
withdraw-button = Retirar mi firma
withdraw-pending-button = Anular esta firma
withdraw-done = Tu firma se ha retirado: se ha borrado, junto con los datos personales que diste con ella, y la petición ya no la cuenta.
withdraw-pending-done = Este enlace ya no guarda ninguna firma pendiente de confirmación: lo que se envió con él, si había algo, se ha borrado.
withdraw-unknown = Este enlace no guarda ninguna firma. Puede que ya se haya retirado, o que el enlace no se copiara entero.
withdraw-petition-hidden = La petición ya no se muestra al público.
thanks-withdraw = ¿La enviaste por error, o con una dirección que no es tuya?
thanks-withdraw-link = Anular esta firma
confirm-withdraw = ¿Has cambiado de opinión? Puedes retirar tu firma en cualquier momento con este enlace, que también está en el correo:
confirm-withdraw-link = Retirar mi firma
