## Una petizione senza account (/new)
mail-guest-verify-subject = Confermi il suo indirizzo per avviare la petizione
mail-guest-verify-intro = Lei, o qualcuno che conosce il suo indirizzo, ha chiesto di avviare una petizione su questo sito. Apra questo link per confermare l’indirizzo e scriverla:
mail-guest-verify-valid = Il link funziona per { $days ->
        [one] un giorno
       *[other] { $days } giorni
    }.
mail-guest-ignore = Se non l’ha chiesto, ignori questo messaggio: non viene pubblicato nulla.
mail-guest-link-subject = Il link di gestione della sua petizione
mail-guest-link-intro = Ecco il link privato per gestire la petizione (modificarla, pubblicarla, vedere le firme, collegarla a un account):
mail-guest-link-keep = Conservi questo messaggio e non lo inoltri: chi ha il link gestisce la petizione. Può revocarlo dalla sua pagina.
