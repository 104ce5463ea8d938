## After signing
thanks-title = Thank you! One more step
thanks-check-mail = We have sent you an email. Open the link in it to confirm your signature: it counts only once confirmed.
thanks-not-received = No email after a few minutes? Check your spam folder, or sign again with the same address.

## Confirmation landing page
confirm-title = Confirm your signature
confirm-explain = Press the button to confirm that you sign this petition.
confirm-button = Confirm my signature
confirm-done = Your signature is confirmed. Thank you!
confirm-already = Your signature was already confirmed. Thank you!
confirm-expired = This confirmation link has expired. Sign the petition again to receive a new one.
confirm-unknown = This confirmation link is not valid. Check that you copied it whole, or sign the petition again.

## After confirming (the page the confirmation redirects to), and the next step
confirmed-title = Signature confirmed
share-next-heading = Next step: ask others to sign
share-next-text = Every signature counts. Share this petition with people who may sign it too.
share-wait-heading = While you wait: ask others to sign
confirm-expired-again = Sign again to get a new link
confirm-expired-portal = You can also see the petitions you signed with this address on the page “My signatures”.
