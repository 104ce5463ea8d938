# Instance administration: settings, accounts and organisations, statistics; organisation profiles.
document-terms = Terms of use
document-privacy = Privacy policy
document-legal = Legal notice
footer-documents = About this instance
