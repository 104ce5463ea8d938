## Petition page
progress-heading = Firme raccolte finora
signature-count = { $count ->
    [one] { $count } firma
   *[other] { $count } firme
}
goal-of = obiettivo: { $goal }
sign-heading = Firma questa petizione
sign-button = Firma
sign-privacy = I tuoi dati servono a conteggiare e confermare la tua firma e sono visibili a chi organizza la petizione; il tuo indirizzo email non viene mai mostrato pubblicamente.
sign-closed = Questa petizione non accetta più firme.
back-to-petition = Torna a «{ $title }»
# La pagina pubblica di una petizione: avanzamento e condivisione.
progress-text = { $count } firme su { $goal }
goal-reached = Obiettivo di { $goal } firme raggiunto!
goal-raised = Il primo obiettivo di { $reached } firme è stato raggiunto. Nuovo obiettivo: { $goal }.
share-heading = Condividi questa petizione
share-by-email = Condividi via email
share-on-mastodon = Condividi su Mastodon
share-on-diaspora = Condividi su Diaspora
share-instance-mastodon = La tua istanza Mastodon (per esempio mastodon.social)
share-instance-diaspora = Il tuo pod Diaspora (per esempio diasp.org)
share-instance-hint = Questo sito ti manda al tuo server solo tramite il link che ti mostra subito dopo, e non carica nulla da lì.
share-leaving = Stai lasciando questo sito per { $host }.
share-go = Continua su { $host }
share-leaving-hint = Verifica che sia proprio il tuo server: il nome è scritto così come lo raggiungerà il tuo browser.
share-continue = Continua
share-link-label = Link a questa petizione
share-text = Ho firmato «{ $title }». Firmi anche tu?
share-mail-subject = Petizione: { $title }
field-instance = Il tuo server
thanks-mailed-earlier = Meno di un’ora fa è già stata inviata a questo indirizzo un’email di conferma per questa petizione, quindi questa volta non ne è stata inviata un’altra. Apri il link di quell’email (controlla anche lo spam).
confirm-details-heading = Stai confermando
confirm-details-name = Nome
confirm-details-yes = Sì
confirm-details-wrong = Se questi non sono i dati con cui hai firmato, non premere il pulsante: ignora questa pagina.

# Le domande di verifica: diversi tipi, due formulazioni ciascuno, numeri scritti in lettere.
challenge-sum-1 = Per dimostrare che sei una persona: quanto fa { $a } più { $b }?
challenge-sum-2 = Somma { $a } e { $b }. Che numero ottieni?
challenge-difference-1 = Per dimostrare che sei una persona: quanto fa { $a } meno { $b }?
challenge-difference-2 = Togli { $b } da { $a }. Quanto resta?
challenge-largest-1 = Qual è il più grande di questi numeri: { $a }, { $b }, { $c }?
challenge-largest-2 = Tra { $a }, { $b } e { $c }, qual è il numero più grande?
challenge-letters-1 = Quante lettere ha la parola «{ $word }»?
challenge-letters-2 = Conta le lettere di «{ $word }». Quante sono?
challenge-nth-word-1 = Qual è la { $n ->
        [1] prima
        [2] seconda
        [3] terza
       *[4] quarta
    } parola di «{ $words }»?
challenge-nth-word-2 = In «{ $words }», quale parola viene { $n ->
        [1] per prima
        [2] per seconda
        [3] per terza
       *[4] per quarta
    }?
challenge-digits-1 = Scrivi queste cifre come un solo numero: { $a }, { $b }, { $c }.
challenge-digits-2 = Scrivi { $a }, poi { $b }, poi { $c } in cifre, senza spazi.

## Personal-data retention: the organiser's setting, the public page, the signatures page and the downloads.
retention-public-open = I dati personali di chi ha firmato vengono cancellati { $days ->
        [one] un giorno
       *[other] { $days } giorni
    } dopo la chiusura di questa petizione.
retention-public-closed = I dati personali di chi ha firmato saranno cancellati il { $date }.
retention-public-erased = I dati personali di chi ha firmato sono stati cancellati il { $date }.

## The challenge on signing and registration forms: its label, and numbers named in words.
field-challenge = Verifica di essere una persona
number-1 = uno
number-2 = due
number-3 = tre
number-4 = quattro
number-5 = cinque
number-6 = sei
number-7 = sette
number-8 = otto
number-9 = nove
number-10 = dieci

petition-languages = Questa petizione in altre lingue
petition-side = Di più su questa petizione

# The progress component: what is still needed to reach the goal.
progress-needed = { $needed ->
        [one] Manca una firma per arrivare a { $goal }
       *[other] Mancano { $needed } firme per arrivare a { $goal }
    }
