mail-moderation-hidden-subject = Se ha ocultado tu petición «{ $title }»
mail-moderation-refused-subject = No se ha aprobado tu petición «{ $title }»
mail-moderation-hidden-intro = El equipo de moderación de este sitio ha ocultado tu petición «{ $title }»: su página ya no se muestra y no admite más firmas.
mail-moderation-refused-intro = El equipo de moderación de este sitio no ha aprobado tu petición «{ $title }»: ha vuelto a ser un borrador.
mail-moderation-category = Categoría: { $category }
mail-moderation-note = El equipo de moderación escribió:
mail-moderation-dashboard = Tu petición en el panel:
