## Una petición sin cuenta (/new)
mail-guest-verify-subject = Confirme su dirección para iniciar su petición
mail-guest-verify-intro = Usted, o alguien que conoce su dirección, pidió iniciar una petición en este sitio. Abra este enlace para confirmar su dirección y redactarla:
mail-guest-verify-valid = El enlace funciona durante { $days ->
        [one] un día
       *[other] { $days } días
    }.
mail-guest-ignore = Si no lo pidió, ignore este mensaje: no se publica nada.
mail-guest-link-subject = El enlace de gestión de su petición
mail-guest-link-intro = Este es el enlace privado para gestionar su petición (editarla, publicarla, ver sus firmas, vincularla a una cuenta):
mail-guest-link-keep = Guarde este mensaje y no lo reenvíe: quien tenga el enlace gestiona la petición. Puede revocarlo desde su página.
