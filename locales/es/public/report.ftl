# Moderación: denunciar una petición, lo que el público ve de una petición retenida.
report-link = Denunciar esta petición
report-title = Denunciar esta petición
report-intro = Cuéntale al equipo de moderación de este sitio qué problema tiene «{ $title }». No necesitas una cuenta y no te preguntamos quién eres.
field-reason = Motivo
field-details = Detalles
report-details-hint = ¿Qué debería saber el equipo de moderación? Un enlace o una cita ayudan.
report-submit = Enviar la denuncia
reported-title = Gracias
reported-message = Hemos recibido tu denuncia. El equipo de moderación revisará esta petición.

withheld-title = Esta petición no está disponible
withheld-hidden = El equipo de moderación de este sitio ha ocultado esta petición.
withheld-suspended = La cuenta u organización que gestiona esta petición está suspendida.
withheld-awaiting-review = Esta petición está pendiente de revisión por el equipo de moderación de este sitio.
withheld-category = Motivo: { $category }
