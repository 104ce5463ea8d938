# Nur die Meldungen dieser Datei, die auch öffentliche Seiten zeigen (Kopfzeile, Bildprüfung);
# alle anderen erscheinen auf Englisch.
account-menu = Konto
signed-in-as = Angemeldet als { $name }
login-title = Anmelden
logout-button = Abmelden
challenge-image-label = Geben Sie die Buchstaben aus dem Bild ein
challenge-image-alt = Verzerrte Buchstaben zum Abtippen. Wenn Sie sie nicht lesen können, bitten Sie die Administrator*innen dieser Instanz, Ihr Konto anzulegen.
