## Mail
mail-confirm-subject = Please confirm your signature: { $title }
mail-confirm-greeting = Hello,
mail-confirm-intro = You, or someone using your address, signed this petition:
mail-confirm-action = To confirm your signature, open this link and press the button on the page:
mail-confirm-ignore = If you did not sign, ignore this message: without confirmation, the signature is not counted and is deleted.

## confirmed page give, and the pages under /withdraw/.
mail-withdraw-action = To withdraw your signature at any time, and delete what you gave with it, open this link:
