# Spanish: only the messages of this area that public pages show too (the header, the signing form's
# fields, pagination, the picture challenge). The rest of this area falls back to English, message by message.
account-menu = Cuenta
signed-in-as = Sesión iniciada como { $name }
login-title = Iniciar sesión
logout-button = Cerrar sesión
challenge-image-label = Escribe las letras que ves en la imagen
challenge-image-alt = Letras deformadas que hay que escribir. Si no puedes leerlas, pide a la administración de este sitio que cree tu cuenta.
