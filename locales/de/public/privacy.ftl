# Namen der Unterzeichnenden in der Öffentlichkeit, nur auf Wunsch; die Datenschutzseiten der Instanz und jeder Petition.

## Public names: the organiser's setting, the signer's box, the lists
sign-name-public = Meinen Namen in der öffentlichen Liste der Unterzeichnenden zeigen
public-names-heading = Unterzeichnende
public-names-all = { $count ->
    [one] Den Namen in der Liste der Unterzeichnenden ansehen
   *[other] Alle { $count } Namen in der Liste der Unterzeichnenden ansehen
}
public-names-all-more = Mehr als { $count } Namen in der Liste der Unterzeichnenden ansehen
public-names-title = Unterzeichnende, die ihren Namen zeigen
public-names-count = Angezeigte Namen: { $names } von { $count ->
    [one] { $count } Unterschrift
   *[other] { $count } Unterschriften
}. Die anderen Unterzeichnenden haben sich entschieden, ihren Namen nicht zu zeigen.
public-names-count-more = Angezeigte Namen: mehr als { $names } von { $count ->
    [one] { $count } Unterschrift
   *[other] { $count } Unterschriften
}. Die anderen Unterzeichnenden haben sich entschieden, ihren Namen nicht zu zeigen.
public-names-none = Bisher hat niemand entschieden, den eigenen Namen zu zeigen.
public-names-older = Ältere Namen
public-names-newest = Neueste Namen

## Links beside the forms that take personal data
privacy-link = Wie wir mit Ihren Daten umgehen

## The instance's privacy page
privacy-intro = { $site } betreibt diese Petitionswebsite. Diese Seite erklärt, was sie über Sie speichert, warum, wie lange, wer es sehen kann und wie Sie es zurücknehmen.
privacy-legal = Im Impressum steht, wer die Website administriert.
privacy-stored-heading = Was beim Unterschreiben gespeichert wird
privacy-stored-email = Ihre E-Mail-Adresse: Jede Petition fragt danach.
privacy-stored-fields = Die Felder, nach denen die Petition fragt, aus diesen: Vorname, Nachname, Telefonnummer, Postleitzahl, Land, Organisation und bis zu drei Felder, die ihre Organisator*innen benennen. Die eigene Datenschutzseite jeder Petition, unter ihrem Formular verlinkt, nennt genau, welche es sind und welche davon Pflicht sind.
privacy-stored-choices = Ob Sie den Newsletter der Organisator*innen erhalten möchten, wenn die Petition einen anbietet, und ob Ihr Name in ihrer öffentlichen Liste der Unterzeichnenden erscheinen darf.
privacy-stored-dates = Die Sprache, in der Sie unterschrieben haben, und wann Sie unterschrieben und bestätigt haben.
privacy-stored-client = Nicht Ihre IP-Adresse. Ein mit einem Schlüssel gebildeter Fingerabdruck davon, der sich ohne den geheimen Schlüssel dieser Website nicht in die Adresse zurückverwandeln lässt, wird mit Ihrer Unterschrift gespeichert, damit die Moderation eine Flut von Unterschriften aus einer Quelle erkennt; er begrenzt außerdem, nur im Arbeitsspeicher, wie viele Formulare eine Verbindung senden kann.
privacy-why-heading = Warum
privacy-why-count = Um Ihre Unterschrift zu zählen und sicherzugehen, dass sie von Ihnen stammt: Die E-Mail, die wir Ihnen schicken, bittet Sie, sie zu bestätigen.
privacy-why-organisers = Die Organisator*innen erhalten die Felder, nach denen sie gefragt haben, zum Beispiel um die Petition mit den Namen der Unterzeichnenden zu übergeben.
privacy-why-newsletter = Ihre Adresse geht nur dann an den Newsletter der Organisator*innen, wenn Sie das Kästchen dafür ankreuzen.
privacy-how-long-heading = Wie lange
privacy-unconfirmed = { $days ->
    [one] Eine Unterschrift, die nicht innerhalb eines Tages bestätigt wird, wird gelöscht.
   *[other] Eine Unterschrift, die nicht innerhalb von { $days } Tagen bestätigt wird, wird gelöscht.
}
privacy-personal-data = { $days ->
    [one] Namen, Adressen und Antworten werden einen Tag nach dem Ende der Petition gelöscht, sofern die Petition keine eigene Frist festlegt (ihre Datenschutzseite nennt sie). Die Zahl der Unterschriften bleibt.
   *[other] Namen, Adressen und Antworten werden { $days } Tage nach dem Ende der Petition gelöscht, sofern die Petition keine eigene Frist festlegt (ihre Datenschutzseite nennt sie). Die Zahl der Unterschriften bleibt.
}
privacy-sent-mail = { $days ->
    [one] Die E-Mails, die wir verschicken, werden einen Tag nach dem Versand gelöscht.
   *[other] Die E-Mails, die wir verschicken, werden { $days } Tage nach dem Versand gelöscht.
}
privacy-accounts = Die Konten der Organisator*innen bleiben bestehen, bis ihre Inhaber*innen sie löschen.
privacy-who-heading = Wer sie sehen kann
privacy-who-organisers = Die Organisator*innen der Petition, die das Recht haben, ihre Unterschriften einzusehen: wer eine persönliche Petition verfasst hat, oder die Mitglieder der Organisation, die sie betreibt, denen dieses Recht gegeben wurde.
privacy-who-admins = Die Administrator*innen dieser Website. Die Moderation sieht nur, woher Unterschriften kommen (die Domains der Adressen und mit einem Schlüssel gebildete Fingerabdrücke der Verbindungen, die sie gesendet haben), um Missbrauch zu stoppen.
privacy-who-nobody = Sonst niemand. Ihre E-Mail-Adresse wird nie öffentlich angezeigt; Ihr Name erscheint nur dann in der öffentlichen Liste einer Petition, wenn Sie das Kästchen dafür ankreuzen.
privacy-rights-heading = Ihre Unterschriften einsehen, exportieren und zurückziehen
privacy-rights-mail = Jede E-Mail, die wir zu einer Unterschrift schicken, enthält einen Link, um sie zurückzuziehen.
privacy-rights-portal = Fordern Sie auf der Seite „Meine Unterschriften“ einen Link per E-Mail an: Er zeigt alle Ihre Unterschriften, und Sie können sie exportieren und jede davon zurückziehen.
privacy-rights-portal-link = Meine Unterschriften
privacy-rights-account = Ein Konto können Sie in Ihren Kontoeinstellungen löschen.
privacy-admin-heading = Von den Administrator*innen dieser Website

## A petition's privacy page
privacy-petition-title = Ihre Daten und diese Petition
privacy-petition-owner = Betrieben von
privacy-petition-keeper = Ihre Unterschriften werden von { $site } gespeichert.
privacy-petition-fields-heading = Wonach diese Petition fragt
privacy-petition-required = Pflichtangabe
privacy-petition-optional = freiwillig
privacy-petition-newsletter = Wenn Sie „{ $label }“ ankreuzen, erhält { $owner }, verantwortlich für die Petition, Ihre E-Mail-Adresse für den eigenen Newsletter.
privacy-petition-no-newsletter = Diese Petition bietet keinen Newsletter an.
privacy-petition-names-public = Ihr Vor- und Nachname kann in der öffentlichen Liste der Unterzeichnenden dieser Petition erscheinen, aber nur, wenn Sie das Kästchen dafür ankreuzen. Ihre Adresse und Ihre weiteren Antworten werden nie angezeigt.
privacy-petition-names-private = Kein Name wird öffentlich angezeigt: nur die Zahl der Unterschriften.
privacy-petition-retention-own = { $days ->
    [one] Diese Petition löscht Namen, Adressen und Antworten ihrer Unterzeichnenden einen Tag nach ihrem Ende (ihre eigene Frist).
   *[other] Diese Petition löscht Namen, Adressen und Antworten ihrer Unterzeichnenden { $days } Tage nach ihrem Ende (ihre eigene Frist).
}
privacy-petition-retention-default = { $days ->
    [one] Diese Petition löscht Namen, Adressen und Antworten ihrer Unterzeichnenden einen Tag nach ihrem Ende (die Voreinstellung dieser Website).
   *[other] Diese Petition löscht Namen, Adressen und Antworten ihrer Unterzeichnenden { $days } Tage nach ihrem Ende (die Voreinstellung dieser Website).
}
privacy-petition-open = Sie läuft noch: Die Frist beginnt mit ihrem Ende.
privacy-petition-closed = Sie endete am { $closed }: Die Daten werden am { $date } gelöscht.
privacy-petition-erased = Die Daten wurden am { $date } gelöscht; nur die Zahl der Unterschriften bleibt.
privacy-petition-policy = Die Datenschutzerklärung dieser Website
