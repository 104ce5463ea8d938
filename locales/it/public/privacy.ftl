# Signers' names in public, opt-in; the privacy pages of the instance and of each petition.

## Public names: the organiser's setting, the signer's box, the lists
sign-name-public = Mostra il mio nome nell’elenco pubblico delle persone firmatarie
public-names-heading = Chi ha firmato
public-names-all = { $count ->
    [one] Vedi il nome nell’elenco delle persone firmatarie
   *[other] Vedi tutti i { $count } nomi nell’elenco delle persone firmatarie
}
public-names-all-more = Vedi più di { $count } nomi nell’elenco delle persone firmatarie
public-names-title = Persone firmatarie che hanno scelto di mostrare il proprio nome
public-names-count = Nomi mostrati: { $names }, su { $count ->
    [one] { $count } firma
   *[other] { $count } firme
}. Le altre persone firmatarie hanno scelto di non mostrare il proprio.
public-names-count-more = Nomi mostrati: più di { $names }, su { $count ->
    [one] { $count } firma
   *[other] { $count } firme
}. Le altre persone firmatarie hanno scelto di non mostrare il proprio.
public-names-none = Finora nessuna persona firmataria ha scelto di mostrare il proprio nome.
public-names-older = Nomi meno recenti
public-names-newest = Nomi più recenti

## Links beside the forms that take personal data
privacy-link = Come trattiamo i tuoi dati

## The instance's privacy page
privacy-intro = { $site } gestisce questo sito di petizioni. Questa pagina spiega cosa conserva su di te, perché, per quanto tempo, chi può vederlo e come riprendertelo.
privacy-legal = Le note legali indicano chi amministra il sito.
privacy-stored-heading = Cosa viene conservato quando firmi
privacy-stored-email = Il tuo indirizzo email: ogni petizione lo chiede.
privacy-stored-fields = I campi che la petizione chiede, tra questi: nome, cognome, numero di telefono, codice postale, paese, organizzazione e fino a tre campi definiti da chi la organizza. La pagina sulla privacy di ogni petizione, collegata sotto il suo modulo, indica esattamente quali, e quali sono obbligatori.
privacy-stored-choices = Se vuoi ricevere la newsletter di chi organizza la petizione, quando ne offre una, e se il tuo nome può comparire nel suo elenco pubblico delle persone firmatarie.
privacy-stored-dates = La lingua in cui hai firmato, e quando hai firmato e confermato.
privacy-stored-client = Non il tuo indirizzo IP. Un’impronta con chiave dell’indirizzo, che non può essere ritrasformata nell’indirizzo senza la chiave segreta di questo sito, viene conservata con la tua firma perché la moderazione possa riconoscere un’ondata di firme da uno stesso luogo; serve anche a limitare, solo in memoria, quanti moduli può inviare una connessione.
privacy-why-heading = Perché
privacy-why-count = Per conteggiare la tua firma e assicurarci che sia davvero tua: l’email che ti inviamo ti chiede di confermarla.
privacy-why-organisers = Chi organizza la petizione riceve i campi che ha chiesto, per esempio per consegnare la petizione con i nomi di chi l’ha firmata.
privacy-why-newsletter = Il tuo indirizzo viene aggiunto alla newsletter di chi organizza la petizione solo se spunti l’apposita casella.
privacy-how-long-heading = Per quanto tempo
privacy-unconfirmed = { $days ->
    [one] Una firma non confermata entro un giorno viene eliminata.
   *[other] Una firma non confermata entro { $days } giorni viene eliminata.
}
privacy-personal-data = { $days ->
    [one] Nomi, indirizzi e risposte vengono cancellati un giorno dopo la chiusura della petizione, a meno che la petizione non fissi un proprio periodo (lo indica la sua pagina sulla privacy). Il numero di firme resta.
   *[other] Nomi, indirizzi e risposte vengono cancellati { $days } giorni dopo la chiusura della petizione, a meno che la petizione non fissi un proprio periodo (lo indica la sua pagina sulla privacy). Il numero di firme resta.
}
privacy-sent-mail = { $days ->
    [one] Le email che inviamo vengono eliminate un giorno dopo l’invio.
   *[other] Le email che inviamo vengono eliminate { $days } giorni dopo l’invio.
}
privacy-accounts = Gli account di chi organizza petizioni restano finché chi li possiede non li elimina.
privacy-who-heading = Chi può vederlo
privacy-who-organisers = Chi organizza la petizione e ha il diritto di vederne le firme: chi ha creato una petizione personale, oppure i membri dell’organizzazione che la gestisce a cui è stato concesso questo diritto.
privacy-who-admins = L’amministrazione di questo sito. La moderazione vede solo da dove provengono le firme (i domini degli indirizzi e le impronte con chiave delle connessioni che le hanno inviate), per fermare gli abusi.
privacy-who-nobody = Nessun altro. Il tuo indirizzo email non viene mai mostrato pubblicamente; il tuo nome compare nell’elenco pubblico di una petizione solo se spunti l’apposita casella.
privacy-rights-heading = Vedere, esportare e ritirare le tue firme
privacy-rights-mail = Ogni email che inviamo su una firma contiene un link per ritirarla.
privacy-rights-portal = Nella pagina «Le mie firme», chiedi un link via email: mostra tutte le tue firme, ti permette di esportarle e di ritirare quelle che vuoi.
privacy-rights-portal-link = Le mie firme
privacy-rights-account = Se hai un account, puoi eliminarlo dalle impostazioni del tuo account.
privacy-admin-heading = Dall’amministrazione di questo sito

## A petition's privacy page
privacy-petition-title = I tuoi dati e questa petizione
privacy-petition-owner = Gestita da
privacy-petition-keeper = Le sue firme sono conservate da { $site }.
privacy-petition-fields-heading = Cosa chiede questa petizione
privacy-petition-required = obbligatorio
privacy-petition-optional = facoltativo
privacy-petition-newsletter = Se spunti «{ $label }», il tuo indirizzo email viene comunicato a { $owner }, che gestisce la petizione, per la sua newsletter.
privacy-petition-no-newsletter = Questa petizione non offre alcuna newsletter.
privacy-petition-names-public = Puoi far comparire il tuo nome e cognome nell’elenco pubblico delle persone firmatarie della petizione, solo se spunti l’apposita casella. Il tuo indirizzo e le altre risposte non vengono mai mostrati.
privacy-petition-names-private = Nessun nome viene mostrato pubblicamente: solo il numero di firme.
privacy-petition-retention-own = { $days ->
    [one] Questa petizione cancella nomi, indirizzi e risposte di chi l’ha firmata un giorno dopo la sua chiusura (periodo proprio della petizione).
   *[other] Questa petizione cancella nomi, indirizzi e risposte di chi l’ha firmata { $days } giorni dopo la sua chiusura (periodo proprio della petizione).
}
privacy-petition-retention-default = { $days ->
    [one] Questa petizione cancella nomi, indirizzi e risposte di chi l’ha firmata un giorno dopo la sua chiusura (impostazione predefinita di questo sito).
   *[other] Questa petizione cancella nomi, indirizzi e risposte di chi l’ha firmata { $days } giorni dopo la sua chiusura (impostazione predefinita di questo sito).
}
privacy-petition-open = È ancora aperta: il periodo inizia alla sua chiusura.
privacy-petition-closed = È stata chiusa il { $closed }: i dati saranno cancellati il { $date }.
privacy-petition-erased = I dati sono stati cancellati il { $date }; resta solo il numero di firme.
privacy-petition-policy = Informativa sulla privacy di questo sito
