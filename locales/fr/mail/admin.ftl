## Mail
mail-test-subject = Message de test de Rustition
mail-test-body = Ce message a été envoyé par « rustition mail test ». L’envoi de courriels de cette instance fonctionne.
