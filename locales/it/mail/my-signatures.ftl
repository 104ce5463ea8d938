## My signatures (/my-signatures): the signer's own page of their signatures
mail-portal-subject = Il link alle tue firme
mail-portal-intro = Qualcuno, tu o una persona che conosce il tuo indirizzo, ha chiesto l’elenco delle petizioni firmate con questo indirizzo su questo sito. Apri questo link per vederle, ritirarle o scaricare tutto ciò che è conservato su di te:
mail-portal-valid = Il link funziona per { $minutes } minuti. Chiunque lo abbia può vedere le tue firme: non inoltrare questo messaggio.
mail-portal-ignore = Se non l’hai chiesto tu, ignora questo messaggio: non cambia nulla.
