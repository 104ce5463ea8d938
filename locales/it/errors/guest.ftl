## Una petizione senza account (/new)
error-guest-petitions-off = Questo sito non offre petizioni senza account. Acceda o crei un account per avviarne una.
