## Después de firmar
thanks-title = ¡Gracias! Solo falta un paso
thanks-check-mail = Te hemos enviado un correo electrónico. Abre el enlace que contiene para confirmar tu firma: solo cuenta una vez confirmada.
thanks-not-received = ¿Sigues sin recibir el correo después de unos minutos? Revisa tu carpeta de spam o vuelve a firmar con la misma dirección.

## Página de confirmación
confirm-title = Confirma tu firma
confirm-explain = Pulsa el botón para confirmar que firmas esta petición.
confirm-button = Confirmar mi firma
confirm-done = Tu firma está confirmada. ¡Gracias!
confirm-already = Tu firma ya estaba confirmada. ¡Gracias!
confirm-expired = Este enlace de confirmación ha caducado. Vuelve a firmar la petición para recibir uno nuevo.
confirm-unknown = Este enlace de confirmación no es válido. Comprueba que lo copiaste entero o vuelve a firmar la petición.

## After confirming (the page the confirmation redirects to), and the next step
confirmed-title = Firma confirmada
share-next-heading = Siguiente paso: pide a otras personas que firmen
share-next-text = Cada firma cuenta. Comparte esta petición con personas que también podrían firmarla.
share-wait-heading = Mientras esperas: pide a otras personas que firmen
confirm-expired-again = Firmar de nuevo para recibir un enlace nuevo
confirm-expired-portal = También puedes ver las peticiones que firmaste con esta dirección en la página «Mis firmas».
