## The confirmed page, and the pages under /withdraw/.
withdraw-title = Ihre Unterschrift zurückziehen
withdraw-signature-explain = Die Unterschrift von { $email } unter dieser Petition und alles, was dabei angegeben wurde (Name, Adresse und weitere Antworten), wird sofort gelöscht. Sie wird nicht mehr gezählt, und nichts davon bleibt gespeichert.
withdraw-pending-explain = Damit verwerfen Sie die Unterschrift, die über das Formular mit diesem Link gesendet wurde, solange sie nicht bestätigt ist: Sie wird sofort gelöscht, samt den personenbezogenen Daten, die dabei angegeben wurden. Eine bereits bestätigte Unterschrift bleibt, wie sie ist: Wer sie geleistet hat, kann sie mit dem Link in der E-Mail zurückziehen.
withdraw-button = Meine Unterschrift zurückziehen
withdraw-pending-button = Diese Unterschrift verwerfen
withdraw-done = Ihre Unterschrift ist zurückgezogen: Sie ist gelöscht, samt den personenbezogenen Daten, die Sie dabei angegeben haben, und die Petition zählt sie nicht mehr.
withdraw-pending-done = Unter diesem Link ist keine Unterschrift mehr gespeichert, die auf ihre Bestätigung wartet: Was damit gesendet wurde, falls überhaupt etwas, ist gelöscht.
withdraw-unknown = Unter diesem Link ist keine Unterschrift gespeichert. Vielleicht wurde sie bereits zurückgezogen, oder der Link wurde nicht vollständig kopiert.
withdraw-petition-hidden = Die Petition wird der Öffentlichkeit nicht mehr angezeigt.
thanks-withdraw = Versehentlich gesendet, oder mit einer Adresse, die nicht Ihre ist?
thanks-withdraw-link = Diese Unterschrift verwerfen
confirm-withdraw = Haben Sie es sich anders überlegt? Mit diesem Link, der auch in der E-Mail steht, können Sie Ihre Unterschrift jederzeit zurückziehen:
confirm-withdraw-link = Meine Unterschrift zurückziehen
