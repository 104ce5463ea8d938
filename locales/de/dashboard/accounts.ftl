# Nur die Meldungen dieser Datei, die auch öffentliche Seiten zeigen (Kopfzeile, Prüffrage beim
# Unterschreiben); alle anderen erscheinen auf Englisch.
account-menu = Konto
signed-in-as = Angemeldet als { $name }
login-title = Anmelden
logout-button = Abmelden
field-challenge = Zeigen Sie, dass Sie ein Mensch sind
number-1 = eins
number-2 = zwei
number-3 = drei
number-4 = vier
number-5 = fünf
number-6 = sechs
number-7 = sieben
number-8 = acht
number-9 = neun
number-10 = zehn
challenge-image-label = Geben Sie die Buchstaben aus dem Bild ein
challenge-image-alt = Verzerrte Buchstaben zum Abtippen. Wenn Sie sie nicht lesen können, bitten Sie die Administrator*innen dieser Instanz, Ihr Konto anzulegen.
