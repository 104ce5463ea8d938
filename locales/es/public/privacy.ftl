# Nombres de las personas firmantes en público, si lo eligen; las páginas de privacidad de la instancia y de cada petición.

## Nombres públicos: la casilla de la persona firmante, las listas
sign-name-public = Mostrar mi nombre en la lista pública de personas firmantes
public-names-heading = Personas firmantes
public-names-all = { $count ->
    [one] Ver el nombre en la lista de personas firmantes
   *[other] Ver los { $count } nombres de la lista de personas firmantes
}
public-names-all-more = Ver más de { $count } nombres de la lista de personas firmantes
public-names-title = Personas firmantes que han elegido mostrar su nombre
public-names-count = Nombres visibles: { $names }, de { $count ->
    [one] { $count } firma
   *[other] { $count } firmas
}. Las demás personas firmantes han elegido no mostrar el suyo.
public-names-count-more = Nombres visibles: más de { $names }, de { $count ->
    [one] { $count } firma
   *[other] { $count } firmas
}. Las demás personas firmantes han elegido no mostrar el suyo.
public-names-none = Todavía ninguna persona firmante ha elegido mostrar su nombre.
public-names-older = Nombres anteriores
public-names-newest = Nombres más recientes

## Enlaces junto a los formularios que piden datos personales
privacy-link = Cómo tratamos tus datos

## La página de privacidad de la instancia
privacy-intro = { $site } gestiona este sitio de peticiones. Esta página explica qué guarda sobre ti, para qué, durante cuánto tiempo, quién puede verlo y cómo retirarlo.
privacy-legal = El aviso legal indica quién lo administra.
privacy-stored-heading = Qué se guarda cuando firmas
privacy-stored-email = Tu dirección de correo electrónico: todas las peticiones la piden.
privacy-stored-fields = Los campos que pide la petición, entre estos: nombre, apellidos, número de teléfono, código postal, país, organización y hasta tres campos que defina su equipo organizador. La página de privacidad de cada petición, enlazada bajo su formulario, indica exactamente cuáles y cuáles son obligatorios.
privacy-stored-choices = Si quieres recibir el boletín del equipo organizador, cuando la petición ofrece uno, y si tu nombre puede aparecer en su lista pública de personas firmantes.
privacy-stored-dates = El idioma en el que firmaste, y cuándo firmaste y confirmaste.
privacy-stored-client = No se guarda tu dirección IP. Junto a tu firma se guarda una huella de ella calculada con una clave, que no puede volver a convertirse en la dirección sin la clave secreta de este sitio, para que el equipo de moderación pueda reconocer una avalancha de firmas desde un mismo lugar; también limita, solo en memoria, cuántos formularios puede enviar una conexión.
privacy-why-heading = Para qué
privacy-why-count = Para contar tu firma y asegurarnos de que es tuya: el correo que enviamos te pide que la confirmes.
privacy-why-organisers = El equipo organizador recibe los campos que ha pedido, por ejemplo para entregar la petición con los nombres de sus firmantes.
privacy-why-newsletter = Tu dirección solo pasa al boletín del equipo organizador si marcas su casilla.
privacy-how-long-heading = Durante cuánto tiempo
privacy-unconfirmed = { $days ->
    [one] Una firma que no se confirma en un día se borra.
   *[other] Una firma que no se confirma en { $days } días se borra.
}
privacy-personal-data = { $days ->
    [one] Los nombres, direcciones y respuestas se borran un día después del cierre de la petición, salvo que la petición fije su propio plazo (su página de privacidad lo indica). El número de firmas se mantiene.
   *[other] Los nombres, direcciones y respuestas se borran { $days } días después del cierre de la petición, salvo que la petición fije su propio plazo (su página de privacidad lo indica). El número de firmas se mantiene.
}
privacy-sent-mail = { $days ->
    [one] Los correos que enviamos se borran un día después de su envío.
   *[other] Los correos que enviamos se borran { $days } días después de su envío.
}
privacy-accounts = Las cuentas de las personas organizadoras se conservan hasta que sus titulares las eliminan.
privacy-who-heading = Quién puede verlo
privacy-who-organisers = Las personas organizadoras de la petición que tienen derecho a ver sus firmas: quien creó una petición personal, o los miembros de la organización que la gestiona a quienes se les ha dado ese derecho.
privacy-who-admins = Las personas que administran este sitio. El equipo de moderación solo ve de dónde vienen las firmas (los dominios de las direcciones y las huellas con clave de las conexiones que las enviaron), para frenar los abusos.
privacy-who-nobody = Nadie más. Tu dirección de correo electrónico nunca se muestra públicamente; tu nombre solo aparece en la lista pública de una petición si marcas la casilla correspondiente.
privacy-rights-heading = Ver, exportar y retirar tus firmas
privacy-rights-mail = Cada correo que enviamos sobre una firma incluye un enlace para retirarla.
privacy-rights-portal = En la página «Mis firmas», pide un enlace por correo: muestra todas tus firmas y te permite exportarlas y retirar cualquiera de ellas.
privacy-rights-portal-link = Mis firmas
privacy-rights-account = Si tienes una cuenta, puedes eliminarla desde los ajustes de tu cuenta.
privacy-admin-heading = De parte de la administración de este sitio

## La página de privacidad de una petición
privacy-petition-title = Tus datos y esta petición
privacy-petition-owner = Gestionada por
privacy-petition-keeper = Sus firmas las guarda { $site }.
privacy-petition-fields-heading = Qué pide esta petición
privacy-petition-required = obligatorio
privacy-petition-optional = opcional
privacy-petition-newsletter = Si marcas «{ $label }», tu dirección de correo electrónico se entrega a { $owner }, que gestiona la petición, para su boletín.
privacy-petition-no-newsletter = Esta petición no ofrece ningún boletín.
privacy-petition-names-public = Puedes hacer que tu nombre y apellidos aparezcan en la lista pública de personas firmantes de la petición, solo si marcas la casilla correspondiente. Tu dirección y tus demás respuestas nunca se muestran.
privacy-petition-names-private = No se muestra ningún nombre públicamente: solo el número de firmas.
privacy-petition-retention-own = { $days ->
    [one] Esta petición borra los nombres, direcciones y respuestas de sus firmantes un día después de cerrarse (su propio plazo).
   *[other] Esta petición borra los nombres, direcciones y respuestas de sus firmantes { $days } días después de cerrarse (su propio plazo).
}
privacy-petition-retention-default = { $days ->
    [one] Esta petición borra los nombres, direcciones y respuestas de sus firmantes un día después de cerrarse (el plazo predeterminado de este sitio).
   *[other] Esta petición borra los nombres, direcciones y respuestas de sus firmantes { $days } días después de cerrarse (el plazo predeterminado de este sitio).
}
privacy-petition-open = Sigue abierta: el plazo empieza a contar cuando se cierre.
privacy-petition-closed = Se cerró el { $closed }: se borrarán el { $date }.
privacy-petition-erased = Se borraron el { $date }; solo se mantiene el número de firmas.
privacy-petition-policy = Política de privacidad de este sitio
