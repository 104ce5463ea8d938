# Die Dokumente der Instanz, in der Fußzeile verlinkt.
document-terms = Nutzungsbedingungen
document-privacy = Datenschutzerklärung
document-legal = Impressum
footer-documents = Über diese Instanz
