# Notifications des organisateurs et transfert à la lettre d’information.
mail-notify-milestone-subject = « { $title } » a atteint { $count } signatures
mail-notify-milestone-intro = Votre pétition « { $title } » vient d’atteindre { $count } signatures.
mail-notify-goal-subject = « { $title } » a atteint son objectif
mail-notify-goal-intro = Votre pétition « { $title } » vient d’atteindre son objectif de { $count ->
        [one] { $count } signature
       *[other] { $count } signatures
    }. Félicitations !
mail-notify-digest-subject = { $count ->
        [one] « { $title } » : { $count } nouvelle signature
       *[other] « { $title } » : { $count } nouvelles signatures
    }
mail-notify-digest-intro = { $count ->
        [one] Votre pétition « { $title } » a reçu { $count } nouvelle signature confirmée depuis le dernier récapitulatif.
       *[other] Votre pétition « { $title } » a reçu { $count } nouvelles signatures confirmées depuis le dernier récapitulatif.
    }
mail-notify-manage = Vous recevez ces courriels parce que vous les avez demandés. Modifiez-les ou désactivez-les ici :
mail-newsletter-forward-subject = Nouvel abonné à la lettre d’information : { $email }
mail-newsletter-forward-intro = Un signataire de la pétition « { $petition } » a confirmé sa signature et demandé à recevoir votre lettre d’information.
mail-newsletter-forward-email = Adresse :
mail-newsletter-forward-name = Nom :
mail-newsletter-forward-time = Confirmée le :
