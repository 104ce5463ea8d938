## The sign form's "keep me informed" box, and a petition's updates and response on its page.
sign-keep-informed = Mantenerme informado/a sobre esta petición (sus novedades y la respuesta, por correo; puede darse de baja en cualquier momento)
response-heading = La respuesta
response-date = Respuesta del { $date }
response-document = Leer el documento de la respuesta
updates-heading = Novedades
## The unsubscribe link of update mails (/unsubscribe/…).
unsubscribe-title = Dejar de recibir novedades
unsubscribe-explain = Ya no recibirá por correo las novedades ni la respuesta de esta petición. Su firma se mantiene.
unsubscribe-button = Dejar de recibir novedades
unsubscribe-done = Hecho: ya no recibirá novedades de esta petición. Su firma se mantiene.
unsubscribe-unknown = Este enlace no funciona: está incompleto, o la firma para la que se envió fue retirada.
