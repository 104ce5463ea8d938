# Nur der Link der Kopfzeile, den auch öffentliche Seiten zeigen; alles andere erscheint auf Englisch.
admin-title = Verwaltung
