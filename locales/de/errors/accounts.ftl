## Accounts
error-login-failed = Benutzername oder Passwort stimmt nicht.
error-rate-limited = Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es noch einmal.
error-password-short = Verwenden Sie mindestens 10 Zeichen.
error-name-short = Das ist zu kurz.
error-name-characters = Verwenden Sie nur Kleinbuchstaben, Ziffern, „-“ und „_“.
error-name-reserved = Dieser Name ist reserviert. Bitte wählen Sie einen anderen.
error-username-taken = Dieser Benutzername ist bereits vergeben.
error-email-taken = Ein Konto verwendet bereits diese E-Mail-Adresse.
error-email-same = Das ist bereits die Adresse Ihres Kontos.

## Registration and mailed account links
error-challenge-wrong = Das ist nicht die richtige Antwort. Hier ist eine neue Frage.
error-registration-closed = Diese Instanz nimmt keine neuen Konten an.
error-link-invalid = Dieser Link ist ungültig: Er wurde bereits verwendet oder ist abgelaufen. Fordern Sie einen neuen an.
error-login-unverified = Dieses Konto ist noch nicht aktiviert: Öffnen Sie den Link in der Nachricht, die wir Ihnen geschickt haben.

## Account settings
error-password-wrong = Das ist nicht Ihr aktuelles Passwort.
error-delete-last-admin = Sie sind die einzige Person, die die Mitglieder einer Organisation mit weiteren Mitgliedern verwalten kann. Geben Sie zuerst einer von ihnen das Recht, Berechtigungen zu ändern.
error-login-suspended = Dieses Konto wurde von der Moderation dieser Website gesperrt.
error-registration-invite-only = Neue Konten brauchen eine Einladung von einer Organisation auf dieser Instanz.
