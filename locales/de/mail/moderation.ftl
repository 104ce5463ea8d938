mail-moderation-hidden-subject = Ihre Petition „{ $title }“ wurde ausgeblendet
mail-moderation-refused-subject = Ihre Petition „{ $title }“ wurde nicht freigegeben
mail-moderation-hidden-intro = Die Moderation dieser Website hat Ihre Petition „{ $title }“ ausgeblendet: Ihre Seite wird nicht mehr angezeigt, und sie nimmt keine Unterschriften mehr an.
mail-moderation-refused-intro = Die Moderation dieser Website hat Ihre Petition „{ $title }“ nicht freigegeben: Sie ist wieder ein Entwurf.
mail-moderation-category = Kategorie: { $category }
mail-moderation-note = Die Moderation schreibt:
mail-moderation-dashboard = Ihre Petition im Dashboard:
