## Mail
mail-test-subject = Rustition-Testnachricht
mail-test-body = Diese Nachricht wurde von „rustition mail test“ verschickt. Der E-Mail-Versand dieser Instanz funktioniert.
