mail-moderation-hidden-subject = Votre pétition « { $title } » a été masquée
mail-moderation-refused-subject = Votre pétition « { $title } » n’a pas été approuvée
mail-moderation-hidden-intro = Les modérateurs de ce site ont masqué votre pétition « { $title } » : sa page n’est plus affichée et elle ne reçoit plus de signatures.
mail-moderation-refused-intro = Les modérateurs de ce site n’ont pas approuvé votre pétition « { $title } » : elle est revenue au brouillon.
mail-moderation-category = Catégorie : { $category }
mail-moderation-note = Les modérateurs ont écrit :
mail-moderation-dashboard = Votre pétition dans le tableau de bord :
