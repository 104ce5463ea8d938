## Mail
mail-confirm-subject = Conferma la tua firma: { $title }
mail-confirm-greeting = Ciao,
mail-confirm-intro = Questa petizione è stata firmata da te o da qualcuno che usa il tuo indirizzo:
mail-confirm-action = Per confermare la tua firma, apri questo link e premi il pulsante nella pagina:
mail-confirm-ignore = Se non hai firmato, ignora questo messaggio: senza conferma, la firma non viene conteggiata e viene eliminata.

## confirmed page give, and the pages under /withdraw/.
mail-withdraw-action = Per ritirare la tua firma in qualsiasi momento, ed eliminare ciò che hai fornito con essa, apri questo link:
