# Documenti dell’istanza: condizioni d’uso, informativa sulla privacy, note legali.
document-terms = Condizioni d’uso
document-privacy = Informativa sulla privacy
document-legal = Note legali
footer-documents = Informazioni su questa istanza
