# Notifiche degli organizzatori e inoltro alla newsletter.
mail-notify-milestone-subject = «{ $title }» ha raggiunto { $count } firme
mail-notify-milestone-intro = La tua petizione «{ $title }» ha appena raggiunto { $count } firme.
mail-notify-goal-subject = «{ $title }» ha raggiunto il suo obiettivo
mail-notify-goal-intro = La tua petizione «{ $title }» ha appena raggiunto il suo obiettivo di { $count ->
        [one] { $count } firma
       *[other] { $count } firme
    }. Congratulazioni!
mail-notify-digest-subject = { $count ->
        [one] «{ $title }»: { $count } nuova firma
       *[other] «{ $title }»: { $count } nuove firme
    }
mail-notify-digest-intro = { $count ->
        [one] La tua petizione «{ $title }» ha ricevuto { $count } nuova firma confermata dall’ultimo riepilogo.
       *[other] La tua petizione «{ $title }» ha ricevuto { $count } nuove firme confermate dall’ultimo riepilogo.
    }
mail-notify-manage = Ricevi queste email perché le hai chieste. Modificale o disattivale qui:
mail-newsletter-forward-subject = Nuovo iscritto alla newsletter: { $email }
mail-newsletter-forward-intro = Una persona che ha firmato la petizione «{ $petition }» ha confermato la firma e ha chiesto di ricevere la tua newsletter.
mail-newsletter-forward-email = Indirizzo:
mail-newsletter-forward-name = Nome:
mail-newsletter-forward-time = Confermata il:
