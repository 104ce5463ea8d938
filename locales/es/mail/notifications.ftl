# Notificaciones de los organizadores y envío al boletín.
mail-notify-milestone-subject = «{ $title }» ha alcanzado { $count } firmas
mail-notify-milestone-intro = Su petición «{ $title }» acaba de alcanzar { $count } firmas.
mail-notify-goal-subject = «{ $title }» ha alcanzado su objetivo
mail-notify-goal-intro = Su petición «{ $title }» acaba de alcanzar su objetivo de { $count ->
        [one] { $count } firma
       *[other] { $count } firmas
    }. ¡Enhorabuena!
mail-notify-digest-subject = { $count ->
        [one] «{ $title }»: { $count } firma nueva
       *[other] «{ $title }»: { $count } firmas nuevas
    }
mail-notify-digest-intro = { $count ->
        [one] Su petición «{ $title }» ha recibido { $count } firma confirmada nueva desde el último resumen.
       *[other] Su petición «{ $title }» ha recibido { $count } firmas confirmadas nuevas desde el último resumen.
    }
mail-notify-manage = Recibe estos correos porque los ha pedido. Cámbielos o desactívelos aquí:
mail-newsletter-forward-subject = Nuevo suscriptor del boletín: { $email }
mail-newsletter-forward-intro = Una persona que firmó la petición «{ $petition }» ha confirmado su firma y ha pedido recibir su boletín.
mail-newsletter-forward-email = Dirección:
mail-newsletter-forward-name = Nombre:
mail-newsletter-forward-time = Confirmada el:
