# Benachrichtigungen der Organisatoren und Weitergabe an den Newsletter.
mail-notify-milestone-subject = „{ $title }“ hat { $count } Unterschriften erreicht
mail-notify-milestone-intro = Ihre Petition „{ $title }“ hat soeben { $count } Unterschriften erreicht.
mail-notify-goal-subject = „{ $title }“ hat sein Ziel erreicht
mail-notify-goal-intro = Ihre Petition „{ $title }“ hat soeben ihr Ziel von { $count ->
        [one] { $count } Unterschrift
       *[other] { $count } Unterschriften
    } erreicht. Herzlichen Glückwunsch!
mail-notify-digest-subject = { $count ->
        [one] „{ $title }“: { $count } neue Unterschrift
       *[other] „{ $title }“: { $count } neue Unterschriften
    }
mail-notify-digest-intro = { $count ->
        [one] Ihre Petition „{ $title }“ hat seit der letzten Zusammenfassung { $count } neue bestätigte Unterschrift erhalten.
       *[other] Ihre Petition „{ $title }“ hat seit der letzten Zusammenfassung { $count } neue bestätigte Unterschriften erhalten.
    }
mail-notify-manage = Sie erhalten diese E-Mails, weil Sie sie angefordert haben. Hier ändern oder abbestellen:
mail-newsletter-forward-subject = Neuer Newsletter-Abonnent: { $email }
mail-newsletter-forward-intro = Eine unterzeichnende Person der Petition „{ $petition }“ hat ihre Unterschrift bestätigt und möchte Ihren Newsletter erhalten.
mail-newsletter-forward-email = Adresse:
mail-newsletter-forward-name = Name:
mail-newsletter-forward-time = Bestätigt am:
