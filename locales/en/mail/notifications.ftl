# Organisers' notifications and newsletter forwarding.
mail-notify-milestone-subject = “{ $title }” reached { $count } signatures
mail-notify-milestone-intro = Your petition “{ $title }” has just reached { $count } signatures.
mail-notify-goal-subject = “{ $title }” reached its goal
mail-notify-goal-intro = Your petition “{ $title }” has just reached its goal of { $count ->
        [one] { $count } signature
       *[other] { $count } signatures
    }. Congratulations!
mail-notify-digest-subject = { $count ->
        [one] “{ $title }”: { $count } new signature
       *[other] “{ $title }”: { $count } new signatures
    }
mail-notify-digest-intro = { $count ->
        [one] Your petition “{ $title }” received { $count } new confirmed signature since the last digest.
       *[other] Your petition “{ $title }” received { $count } new confirmed signatures since the last digest.
    }
mail-notify-manage = You receive these mails because you asked for them. Change or turn them off here:
mail-newsletter-forward-subject = New newsletter subscriber: { $email }
mail-newsletter-forward-intro = A signer of the petition “{ $petition }” confirmed their signature and asked to receive your newsletter.
mail-newsletter-forward-email = Address:
mail-newsletter-forward-name = Name:
mail-newsletter-forward-time = Confirmed at:
