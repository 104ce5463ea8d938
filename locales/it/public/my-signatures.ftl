## My signatures (/my-signatures): the signer's own page of their signatures
portal-footer-link = Le mie firme
portal-title = Le mie firme
portal-explain = Inserisci l’indirizzo email con cui hai firmato. Se con questo indirizzo sono state firmate petizioni su questo sito, gli inviamo un link a una pagina che le elenca, dove puoi ritirarle, cambiare le tue scelte sulla newsletter e scaricare tutto ciò che conserviamo su di te. Il link funziona per { $minutes } minuti.
portal-ask-button = Inviami il link via email
portal-privacy = Il tuo indirizzo serve solo a trovare le tue firme e a inviarti questo link.
portal-asked-title = Controlla la tua casella di posta
portal-asked-message = Se con questo indirizzo è stata firmata una petizione su questo sito, un link alle tue firme è in arrivo; può volerci qualche minuto, e potrebbe finire nello spam. Se l’hai chiesto poco fa, usa il link inviato allora: ne viene inviato uno nuovo solo a distanza di qualche minuto.
portal-link-gone-title = Questo link non apre le tue firme
portal-expired-message = Questo link è scaduto: per la tua privacy, i link funzionano solo per poco tempo. Chiedine uno nuovo con il tuo indirizzo email.
portal-unknown-message = Questo link non è valido. Controlla di averlo copiato per intero, oppure chiedine uno nuovo.
portal-ask-again = Chiedi un nuovo link
portal-list-count = { $count ->
    [0] Con questo indirizzo non è stata firmata nessuna petizione su questo sito.
    [one] Con questo indirizzo è stata firmata una petizione su questo sito.
   *[other] Con questo indirizzo sono state firmate { $count } petizioni su questo sito.
}
portal-list-capped = Qui sono elencate solo le { $count } più recenti. Il file scaricato le contiene tutte.
portal-link-valid-until = Questa pagina funziona fino al { $time }. Per tornare più tardi, chiedi un nuovo link.
portal-status-pending = In attesa di conferma
portal-status-confirmed = Confermata
portal-status-invalidated = Non conteggiata: invalidata dalla moderazione
portal-signed-on = Firmata il { $date }
portal-confirmed-on = confermata il { $date }
portal-change-pending = Le nuove risposte che hai dato firmando di nuovo attendono la tua conferma con il link che ti è stato inviato allora via email.
portal-newsletter-save = Salva la mia scelta
portal-withdraw-button = Ritira questa firma
portal-withdraw-all-link = Ritira tutte le mie firme
portal-export-link = Scarica tutto ciò che è conservato su di me (JSON)
portal-withdraw-all-explain = { $count ->
    [0] Con questo indirizzo non resta nessuna firma da ritirare.
    [one] La tua firma sarà eliminata insieme ai dati che hai fornito, e non sarà più conteggiata. L’operazione è irreversibile.
   *[other] Le tue { $count } firme saranno eliminate insieme ai dati che hai fornito, e non saranno più conteggiate. L’operazione è irreversibile.
}
portal-withdraw-all-button = { $count ->
    [one] Ritira la mia firma
   *[other] Ritira le mie { $count } firme
}
portal-back-to-list = Torna alle mie firme
portal-export-left-out = Non inclusi: gli hash dei token dei link e l’hash con chiave dell’indirizzo di rete da cui è stata inviata una firma. Servono solo a questo sito per verificare i propri link e frenare gli invii in massa; l’hash di rete può essere lo stesso di altre persone che usano la stessa rete.
flash-portal-withdrawn = La tua firma è stata ritirata, e i dati che hai fornito con essa sono stati eliminati.
flash-portal-withdrawn-all = Le tue firme sono state ritirate, e i dati che hai fornito con esse sono stati eliminati.
flash-portal-newsletter-saved = La tua scelta sulla newsletter è stata salvata.
