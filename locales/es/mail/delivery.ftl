# La entrega de una petición a un destinatario.
mail-delivery-subject = { $count ->
    [one] Petición «{ $title }»: { $count } firma
   *[other] Petición «{ $title }»: { $count } firmas
}
mail-delivery-greeting = Estimado/a { $name }:
mail-delivery-intro = { $count ->
    [one] { $owner } le entrega la petición «{ $title }», firmada por { $count } persona.
   *[other] { $owner } le entrega la petición «{ $title }», firmada por { $count } personas.
}
mail-delivery-link = Su texto, sus firmas por día y la lista de firmas para descargar o imprimir están en esta página:
mail-delivery-footer = Recibe este mensaje porque los organizadores de esta petición le indicaron como uno de sus destinatarios.
