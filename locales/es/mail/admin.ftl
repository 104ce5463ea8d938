## Correo
mail-test-subject = Mensaje de prueba de Rustition
mail-test-body = Este mensaje lo envió «rustition mail test». El correo de esta instancia funciona.
