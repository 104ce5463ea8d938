## Cuentas
error-login-failed = El nombre de usuario o la contraseña no son correctos.
error-rate-limited = Demasiados intentos. Espera un minuto y vuelve a intentarlo.
error-password-short = Usa al menos 10 caracteres.
error-name-short = Es demasiado corto.
error-name-characters = Usa solo letras minúsculas, cifras, «-» y «_».
error-name-reserved = Este nombre está reservado. Elige otro.
error-username-taken = Este nombre de usuario ya está en uso.
error-email-taken = Ya hay una cuenta que usa esta dirección de correo electrónico.
error-email-same = Esta ya es la dirección de tu cuenta.

## Registro y enlaces de cuenta enviados por correo
error-challenge-wrong = Esa no es la respuesta correcta. Aquí tienes una pregunta nueva.
error-registration-closed = Esta instancia no admite cuentas nuevas.
error-link-invalid = Este enlace no es válido: ya se usó o ha caducado. Pide uno nuevo.
error-login-unverified = Esta cuenta aún no está activada: abre el enlace del mensaje que te enviamos.

## Ajustes de la cuenta
error-password-wrong = Esta no es tu contraseña actual.
error-delete-last-admin = Eres la única persona que puede gestionar a los miembros de una organización que tiene otros miembros. Primero da a alguno de ellos el derecho a modificar los permisos.
error-login-suspended = El equipo de moderación de este sitio ha suspendido esta cuenta.
error-registration-invite-only = Para crear una cuenta nueva hace falta una invitación de una organización de esta instancia.
