## Organisations
error-url-invalid = Das ist keine Webadresse, die mit http:// oder https:// beginnt.
error-slug-taken = Dieser Kurzname ist bereits vergeben.
error-invitee-unknown = Kein Konto hat diesen Benutzernamen. Um jemanden ohne Konto einzuladen, geben Sie die E-Mail-Adresse der Person an.
error-already-member = Diese Person ist bereits Mitglied.
error-last-admin = Eine Organisation muss mindestens ein Mitglied behalten, das Berechtigungen ändern kann.
error-invitation-other = Diese Einladung gilt für ein anderes Konto.

## Errors
error-choice-invalid = Wählen Sie eine der Möglichkeiten.
error-colour-invalid = Schreiben Sie eine Farbe als # mit sechs Hexadezimalziffern dahinter, zum Beispiel #0b5d3b.
error-contrast-background = Dieser Hintergrund ist zu dunkel für den Text: Wählen Sie einen helleren.
error-contrast-accent = Die Akzentfarbe hebt sich nicht genug vom Hintergrund ab (WCAG AA verlangt einen Kontrast von 4,5 zu 1).
error-contrast-button = Text auf Schaltflächen in dieser Akzentfarbe wäre schwer zu lesen: Wählen Sie einen dunkleren oder helleren Akzent.
error-custom-label-required = Geben Sie diesem Feld eine Beschriftung, oder legen Sie fest, dass es nicht abgefragt wird.
error-goal-invalid = Schreiben Sie eine ganze Zahl zwischen 0 und 1.000.000.000.
error-number-invalid = Schreiben Sie eine ganze Zahl zwischen 0 und 1.000.000.000.
error-permalink-too-many = Eine Petition kann höchstens 10 Permalinks haben.
error-publish-incomplete = Eine Petition braucht einen Titel und einen Text, bevor sie veröffentlicht wird.
error-resend-confirmed = Diese Unterschrift ist bereits bestätigt.
error-resend-too-soon = An diese Adresse wurde vor weniger als zehn Minuten eine Bestätigungs-E-Mail geschickt.
error-transfer-same = Die Petition gehört bereits dorthin.
error-transfer-slug-taken = Wer die Petition übernehmen soll, verwendet bereits einen der Permalinks dieser Petition. Entfernen Sie ihn zuerst aus dieser Petition.

## Wizard
error-not-in-wizard = Diese Petition ist kein Entwurf im Erstellungsassistenten mehr. Bearbeiten Sie sie über ihre Seite.

## Statistics
error-image-missing = Wählen Sie eine Bilddatei.
error-image-too-large = Diese Datei ist größer als 2 MB.
error-image-type = Diese Datei ist kein PNG- oder JPEG-Bild.
error-image-broken = Dieses Bild konnte nicht gelesen werden.
error-image-dimensions = Dieses Bild hat zu viele Pixel: höchstens 40 Megapixel (zum Beispiel 8000 × 5000).

error-personal-petitions-off = Diese Instanz beherbergt nur Petitionen von Organisationen: Wählen Sie eine Organisation.
