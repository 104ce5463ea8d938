## Mail
mail-test-subject = Messaggio di prova di Rustition
mail-test-body = Questo messaggio è stato inviato da «rustition mail test». La posta di questa istanza funziona.
