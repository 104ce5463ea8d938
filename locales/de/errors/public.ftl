## Form fields and their errors
form-has-errors = Bitte korrigieren Sie Folgendes:
# Eine Zeile dieser Liste: die Beschriftung des Feldes, dann was daran nicht stimmt.
error-summary-item = { $field }: { $message }
error-required = Dieses Feld ist erforderlich.
error-too-long = Das ist zu lang.
error-invalid-characters = Das enthält unzulässige Zeichen.
error-email-invalid = Das ist keine gültige E-Mail-Adresse (zum Beispiel name@example.org).
error-email-literal = Geben Sie eine Adresse mit einem Domainnamen an, etwa name@example.org, nicht die IP-Adresse eines Servers.
error-email-quoted = Geben Sie diese Adresse ohne Anführungszeichen und Leerzeichen an, etwa name@example.org.
error-phone-invalid = Das ist keine gültige Telefonnummer.

## Errors
error-title = Etwas ist schiefgelaufen
error-generic = Die Anfrage konnte nicht abgeschlossen werden.
error-not-found = Diese Seite gibt es nicht, oder sie ist nicht mehr öffentlich.
error-too-large = Was Sie gesendet haben, ist zu groß.
error-length-required = Ein Upload muss seine Größe angeben: Senden Sie ihn noch einmal über das Formular.
error-forbidden = Dazu sind Sie nicht berechtigt.
error-bad-request = Die Anfrage war unverständlich. Gehen Sie zurück und versuchen Sie es noch einmal.
error-csrf = Dieses Formular ist abgelaufen. Gehen Sie zurück, laden Sie die Seite neu und senden Sie es noch einmal.
error-origin = Dieses Formular wurde von einer anderen Website gesendet und deshalb nicht angenommen. Wenn Sie es hier ausgefüllt haben, gehen Sie zurück, laden Sie die Seite neu und senden Sie es noch einmal.
error-invalid = Einige Felder sind ungültig.
error-internal = Bei uns ist ein Fehler aufgetreten. Er wurde protokolliert; bitte versuchen Sie es später noch einmal.
error-busy = Der Server ist ausgelastet. Bitte versuchen Sie es noch einmal.
error-overloaded = Gerade nutzen sehr viele Menschen diese Seite. Bitte versuchen Sie es in ein paar Sekunden noch einmal.
error-instance-invalid = Geben Sie den Namen eines Servers ein, etwa mastodon.social.

# Unterschreiben über einem Limit, höchstens eine E-Mail pro Stunde, und was ein Bestätigungslink bestätigt.
error-challenge-needed = Gerade kommen viele Unterschriften über Ihre Verbindung. Um zu zeigen, dass Sie ein Mensch sind, beantworten Sie diese Frage; Ihre Eingaben bleiben erhalten.

## My signatures (/my-signatures): the signer's own page of their signatures
error-portal-no-newsletter = Diese Petition bietet keinen Newsletter an.
error-report-reason = Wählen Sie einen der Gründe.
error-report-rate = Sie haben heute schon viele Meldungen geschickt. Bitte versuchen Sie es morgen noch einmal.
