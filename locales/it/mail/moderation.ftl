mail-moderation-hidden-subject = La tua petizione «{ $title }» è stata nascosta
mail-moderation-refused-subject = La tua petizione «{ $title }» non è stata approvata
mail-moderation-hidden-intro = La moderazione di questo sito ha nascosto la tua petizione «{ $title }»: la sua pagina non è più visibile e non raccoglie più firme.
mail-moderation-refused-intro = La moderazione di questo sito non ha approvato la tua petizione «{ $title }»: è tornata in bozza.
mail-moderation-category = Categoria: { $category }
mail-moderation-note = La moderazione ha scritto:
mail-moderation-dashboard = La tua petizione nel pannello di controllo:
