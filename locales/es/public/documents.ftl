# Documentos de la instancia: condiciones, privacidad, aviso legal.
document-terms = Condiciones de uso
document-privacy = Política de privacidad
document-legal = Aviso legal
footer-documents = Acerca de esta instancia
