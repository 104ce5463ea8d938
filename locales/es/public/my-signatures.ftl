## Mis firmas (/my-signatures): la página donde cada persona firmante encuentra sus firmas
portal-footer-link = Mis firmas
portal-title = Mis firmas
portal-explain = Escribe la dirección de correo electrónico con la que firmaste. Si ha firmado peticiones en este sitio, le enviaremos el enlace a una página que las enumera, donde podrás retirarlas, cambiar tus preferencias de boletín y descargar todo lo que guardamos sobre ti. El enlace funciona durante { $minutes } minutos.
portal-ask-button = Envíame el enlace
portal-privacy = Tu dirección solo se usa para encontrar tus firmas y enviarte este enlace.
portal-asked-title = Revisa tu buzón
portal-asked-message = Si esta dirección ha firmado una petición en este sitio, un enlace a tus firmas va de camino; puede tardar unos minutos y acabar en tu carpeta de spam. Si lo pediste hace un momento, usa el enlace que se envió entonces: solo se envía uno nuevo cada pocos minutos.
portal-link-gone-title = Este enlace no abre tus firmas
portal-expired-message = Este enlace ha caducado: para proteger tu privacidad, los enlaces solo funcionan durante poco tiempo. Pide uno nuevo con tu dirección de correo electrónico.
portal-unknown-message = Este enlace no es válido. Comprueba que lo copiaste entero o pide uno nuevo.
portal-ask-again = Pedir un enlace nuevo
portal-list-count = { $count ->
    [0] Esta dirección no tiene ninguna firma en este sitio.
    [one] Esta dirección ha firmado una petición en este sitio.
   *[other] Esta dirección ha firmado { $count } peticiones en este sitio.
}
portal-list-capped = Aquí solo aparecen las { $count } más recientes. La descarga las incluye todas.
portal-link-valid-until = Esta página funciona hasta el { $time }. Para volver más tarde, pide un enlace nuevo.
portal-status-pending = Pendiente de confirmación
portal-status-confirmed = Confirmada
portal-status-invalidated = No contabilizada: invalidada por el equipo de moderación
portal-signed-on = Firmada el { $date }
portal-confirmed-on = confirmada el { $date }
portal-change-pending = Las nuevas respuestas que diste al volver a firmar esperan a que las confirmes con el enlace que se te envió entonces.
portal-newsletter-save = Guardar mi elección
portal-withdraw-button = Retirar esta firma
portal-withdraw-all-link = Retirar todas mis firmas
portal-export-link = Descargar todo lo que se guarda sobre mí (JSON)
portal-withdraw-all-explain = { $count ->
    [0] Esta dirección ya no tiene ninguna firma que retirar.
    [one] Tu firma se borrará junto con los datos que diste y dejará de contarse. No se puede deshacer.
   *[other] Tus { $count } firmas se borrarán junto con los datos que diste y dejarán de contarse. No se puede deshacer.
}
portal-withdraw-all-button = { $count ->
    [one] Retirar mi firma
   *[other] Retirar mis { $count } firmas
}
portal-back-to-list = Volver a mis firmas
portal-export-left-out = No se incluyen: los hashes de los tokens de los enlaces, ni el hash con clave de la dirección de red desde la que se envió cada firma. Solo sirven para que este sitio compruebe sus enlaces y frene los envíos masivos; el hash de red puede coincidir con el de otras personas que usan la misma red.
flash-portal-withdrawn = Tu firma se ha retirado y los datos que diste con ella se han borrado.
flash-portal-withdrawn-all = Tus firmas se han retirado y los datos que diste con ellas se han borrado.
flash-portal-newsletter-saved = Tu elección sobre el boletín se ha guardado.
