## After signing
thanks-title = Grazie! Manca un ultimo passo
thanks-check-mail = Ti abbiamo inviato un’email. Apri il link che contiene per confermare la tua firma: conta solo dopo la conferma.
thanks-not-received = Nessuna email dopo qualche minuto? Controlla la cartella dello spam, oppure firma di nuovo con lo stesso indirizzo.

## Confirmation landing page
confirm-title = Conferma la tua firma
confirm-explain = Premi il pulsante per confermare che firmi questa petizione.
confirm-button = Conferma la mia firma
confirm-done = La tua firma è confermata. Grazie!
confirm-already = La tua firma era già confermata. Grazie!
confirm-expired = Questo link di conferma è scaduto. Firma di nuovo la petizione per riceverne uno nuovo.
confirm-unknown = Questo link di conferma non è valido. Controlla di averlo copiato per intero, oppure firma di nuovo la petizione.

## After confirming (the page the confirmation redirects to), and the next step
confirmed-title = Firma confermata
share-next-heading = Prossimo passo: chiedi ad altre persone di firmare
share-next-text = Ogni firma conta. Condividi questa petizione con chi potrebbe firmarla a sua volta.
share-wait-heading = Nell’attesa: chiedi ad altre persone di firmare
confirm-expired-again = Firma di nuovo per ricevere un nuovo link
confirm-expired-portal = Puoi anche vedere le petizioni firmate con questo indirizzo nella pagina «Le mie firme».
