# Rustition — English (the reference locale). Every key here must exist in every other locale.

## Page frame
site-name = Rustition
skip-to-content = Skip to content
language-menu = Language
# The name of this language, written in this language.
language-name = English
footer-text = Self-hosted with Rustition. No trackers, no third parties.
back-home = Back to the home page

## Home page
index-title = Petitions
index-empty = There is no published petition yet.

## Petition page
progress-heading = Signatures so far
signature-count = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
goal-of = goal: { $goal }
sign-heading = Sign this petition
sign-button = Sign
sign-privacy = Your email address is used only to confirm your signature. It is never shown publicly.
sign-closed = This petition no longer accepts signatures.
back-to-petition = Back to “{ $title }”

## Form fields and their errors
field-first_name = First name
field-last_name = Last name
field-email = Email address
field-phone = Phone number
field-optional = (optional)
honeypot-label = Leave this field empty
form-has-errors = Please correct the following:
error-required = This field is required.
error-too-long = This is too long.
error-invalid-characters = This contains characters that are not allowed.
error-email-invalid = This is not a valid email address, for example name@example.org.
error-phone-invalid = This is not a valid phone number.

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

## Mail
mail-confirm-subject = Please confirm your signature: { $title }
mail-confirm-greeting = Hello,
mail-confirm-intro = You, or someone using your address, signed this petition:
mail-confirm-action = To confirm your signature, open this link and press the button on the page:
mail-confirm-ignore = If you did not sign, ignore this message: without confirmation, the signature is not counted and is deleted.
mail-test-subject = Rustition test message
mail-test-body = This message was sent by “rustition mail test”. Mail from this instance works.

## Errors
error-title = Something went wrong
error-generic = The request could not be completed.
error-not-found = This page does not exist, or is no longer public.
error-too-large = What you sent is too large.
error-forbidden = You are not allowed to do this.
error-bad-request = The request could not be understood. Go back and try again.
error-csrf = This form has expired. Go back, reload the page and submit it again.
error-invalid = Some fields are not valid.
error-internal = An error occurred on our side. It has been logged; please try again later.
error-owner = A petition belongs to exactly one person or one organisation.
error-busy = The server is busy. Please try again.

## Accounts
account-menu = Account
signed-in-as = Signed in as { $name }
login-title = Sign in
login-button = Sign in
logout-button = Sign out
field-login = User name or email address
field-password = Password
field-username = User name
field-display_name = Name shown to others
error-login-failed = This user name or password is not right.
error-rate-limited = Too many attempts. Please wait a minute and try again.
error-password-short = Use at least 10 characters.
error-name-short = This is too short.
error-name-characters = Use only lower-case letters, digits, “-” and “_”.
error-name-reserved = This name is reserved. Please choose another one.
error-username-taken = This user name is already taken.
error-email-taken = An account already uses this email address.
flash-signed-out = You are signed out.
flash-setup-done = Your administrator account is ready. Welcome!
setup-title = Set up this instance
setup-explain = No account exists yet. Create the administrator account of this instance.
setup-button = Create the administrator account

## Administration: mail queue
admin-mail-title = Mail queue
admin-mail-filter = Filter by status
admin-mail-all = All
admin-mail-recipient = Recipient
admin-mail-status = Status
admin-mail-attempts = Attempts
admin-mail-next = Next attempt
admin-mail-error = Last error
admin-mail-actions = Actions
admin-mail-retry = Retry now
admin-mail-cancel = Cancel
admin-mail-empty = No mail here.
flash-mail-retried = The mail will be sent again shortly.
flash-mail-cancelled = The mail will not be sent.
mail-status-queued = Queued
mail-status-sending = Sending
mail-status-sent = Sent
mail-status-failed = Failed
mail-status-cancelled = Cancelled
