## Mail
mail-test-subject = Rustition test message
mail-test-body = This message was sent by “rustition mail test”. Mail from this instance works.
