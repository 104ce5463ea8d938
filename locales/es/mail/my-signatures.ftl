## Mis firmas (/my-signatures): la página donde cada persona firmante encuentra sus firmas
mail-portal-subject = El enlace a tus firmas
mail-portal-intro = Tú, o alguien que conoce tu dirección, pidió ver las peticiones que esta dirección ha firmado en este sitio. Abre este enlace para verlas, retirarlas o descargar todo lo que se guarda sobre ti:
mail-portal-valid = El enlace funciona durante { $minutes } minutos. Quien lo tenga verá tus firmas: no reenvíes este mensaje.
mail-portal-ignore = Si no lo pediste, ignora este mensaje: no cambia nada.
