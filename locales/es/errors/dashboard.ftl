## Organizaciones
error-url-invalid = Esta no es una dirección web que empiece por http:// o https://.
error-slug-taken = Este nombre corto ya está en uso.
error-invitee-unknown = Ninguna cuenta tiene este nombre de usuario. Para invitar a alguien sin cuenta, indica su dirección de correo electrónico.
error-already-member = Esta persona ya es miembro.
error-last-admin = Una organización debe mantener al menos a un miembro que pueda modificar los permisos.
error-invitation-other = Esta invitación es para otra cuenta.

## Errores
error-choice-invalid = Elige una de las opciones.
error-colour-invalid = Escribe un color como # seguido de seis cifras hexadecimales, por ejemplo #0b5d3b.
error-contrast-background = Este fondo es demasiado oscuro para el texto: elige uno más claro.
error-contrast-accent = El color de acento no destaca lo suficiente sobre el fondo (WCAG AA pide un contraste de 4,5 a 1).
error-contrast-button = El texto de los botones con este color de acento sería difícil de leer: elige un acento más oscuro o más claro.
error-custom-label-required = Ponle una etiqueta a este campo o elige que no se pregunte.
error-goal-invalid = Escribe un número entero entre 0 y mil millones.
error-number-invalid = Escribe un número entero entre 0 y mil millones.
error-permalink-too-many = Una petición puede tener como máximo 10 enlaces permanentes.
error-publish-incomplete = Una petición necesita un título y un texto para poder publicarse.
error-resend-confirmed = Esta firma ya está confirmada.
error-resend-too-soon = Hace menos de diez minutos se envió un correo de confirmación a esta dirección.
error-transfer-same = La petición ya pertenece a ese destino.
error-transfer-slug-taken = La cuenta u organización de destino ya usa uno de los enlaces permanentes de esta petición. Quítalo primero de esta petición.

## Asistente
error-not-in-wizard = Esta petición ya no es un borrador del asistente de creación. Edítala desde su página.

## Imágenes
error-image-missing = Elige un archivo de imagen.
error-image-too-large = Este archivo ocupa más de 2 MB.
error-image-type = Este archivo no es una imagen PNG ni JPEG.
error-image-broken = No se ha podido leer esta imagen.
error-image-dimensions = Esta imagen tiene demasiados píxeles: como máximo 40 megapíxeles (por ejemplo, 8000 × 5000).

error-personal-petitions-off = Esta instancia solo aloja peticiones de organizaciones: elige una organización.
