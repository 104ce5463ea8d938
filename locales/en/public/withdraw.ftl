## confirmed page give, and the pages under /withdraw/.
withdraw-title = Withdraw your signature
withdraw-signature-explain = The signature of { $email } on this petition, and everything given with it (name, address and other answers), will be deleted at once. It will no longer be counted, and nothing of it is kept.
withdraw-pending-explain = This cancels the signature sent from the form that gave this link, as long as it is not confirmed: it is deleted at once, with the personal data given with it. A signature already confirmed stays as it is: whoever signed it can withdraw it with the link in their email.
withdraw-button = Withdraw my signature
withdraw-pending-button = Cancel this signature
withdraw-done = Your signature is withdrawn: it is deleted, with the personal data you gave with it, and the petition no longer counts it.
withdraw-pending-done = No signature waiting for confirmation is held under this link any more: what was sent with it, if anything, is deleted.
withdraw-unknown = No signature is held under this link. It may have been withdrawn already, or the link was not copied whole.
withdraw-petition-hidden = The petition is no longer shown to the public.
thanks-withdraw = Sent by mistake, or with an address that is not yours?
thanks-withdraw-link = Cancel this signature
confirm-withdraw = Changed your mind? You can withdraw your signature at any time with this link, which is in the email too:
confirm-withdraw-link = Withdraw my signature
