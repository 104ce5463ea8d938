# Administration de l'instance : réglages, comptes et organisations, statistiques ; profils des organisations.
document-terms = Conditions d'utilisation
document-privacy = Politique de confidentialité
document-legal = Mentions légales
footer-documents = À propos de cette instance
