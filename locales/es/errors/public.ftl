## Campos del formulario y sus errores
form-has-errors = Corrige lo siguiente:
# One line of that list: the field's label, then what is wrong with it.
error-summary-item = { $field }: { $message }
error-required = Este campo es obligatorio.
error-too-long = Es demasiado largo.
error-invalid-characters = Contiene caracteres no permitidos.
error-email-invalid = Esta dirección de correo electrónico no es válida; debe tener la forma nombre@example.org.
error-email-literal = Indica una dirección con un nombre de dominio, como nombre@example.org, no la dirección IP de un servidor.
error-email-quoted = Escribe esta dirección sin comillas ni espacios, como nombre@example.org.
error-phone-invalid = No es un número de teléfono válido.

## Errores
error-title = Algo ha ido mal
error-generic = No se ha podido completar la solicitud.
error-not-found = Esta página no existe o ya no es pública.
error-too-large = Lo que has enviado es demasiado grande.
error-length-required = Un archivo subido debe indicar su tamaño: vuelve a enviarlo desde el formulario.
error-forbidden = No tienes permiso para hacer esto.
error-bad-request = No se ha podido entender la solicitud. Vuelve atrás e inténtalo de nuevo.
error-csrf = Este formulario ha caducado. Vuelve atrás, recarga la página y envíalo de nuevo.
error-origin = Este formulario se envió desde otro sitio, así que no se aceptó. Si lo rellenaste aquí, vuelve atrás, recarga la página y envíalo de nuevo.
error-invalid = Algunos campos no son válidos.
error-internal = Se ha producido un error por nuestra parte. Ha quedado registrado; vuelve a intentarlo más tarde.
error-busy = El servidor está ocupado. Vuelve a intentarlo.
error-overloaded = Mucha gente está usando este sitio en este momento. Vuelve a intentarlo dentro de unos segundos.
error-instance-invalid = Escribe el nombre de un servidor, como mastodon.social.

# Firmar por encima de un ritmo: la pregunta de verificación.
error-challenge-needed = Ahora mismo llegan muchas firmas desde tu conexión. Para demostrar que eres una persona, responde a esta pregunta; lo que escribiste se conserva.

## Mis firmas (/my-signatures) y denuncias
error-portal-no-newsletter = Esta petición no ofrece ningún boletín.
error-report-reason = Elige uno de los motivos.
error-report-rate = Hoy has enviado muchas denuncias. Vuelve a intentarlo mañana.
