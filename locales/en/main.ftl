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
sign-privacy = Your details are used to count and confirm your signature, and are seen by the petition’s organisers; your email address is never shown publicly.
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
error-email-literal = Give an address with a domain name, like name@example.org, not a server’s IP address.
error-email-quoted = Give this address without quotation marks or spaces, like name@example.org.
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
error-length-required = An upload must announce its size: send it again from the form.
error-forbidden = You are not allowed to do this.
error-bad-request = The request could not be understood. Go back and try again.
error-csrf = This form has expired. Go back, reload the page and submit it again.
error-origin = This form was sent from another site, so it was not accepted. If you filled it in here, go back, reload the page and send it again.
error-invalid = Some fields are not valid.
error-internal = An error occurred on our side. It has been logged; please try again later.
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
error-email-same = This is already the address of your account.
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

## Registration and mailed account links
register-title = Create an account
register-button = Create my account
register-have-account = Already have an account? Sign in.
register-done-title = Check your mailbox
register-done-message = If this address can be used, a message is on its way to it. Open the link it contains to activate your account.
field-challenge = Check that you are a person
number-1 = one
number-2 = two
number-3 = three
number-4 = four
number-5 = five
number-6 = six
number-7 = seven
number-8 = eight
number-9 = nine
number-10 = ten
error-challenge-wrong = This is not the right answer. Here is a new question.
error-registration-closed = This instance does not accept new accounts.
verify-title = Activate your account
verify-explain = Press the button to confirm your email address and activate your account.
verify-button = Activate my account
flash-verified = Your address is confirmed. Welcome!
error-link-invalid = This link is not valid: it was already used or has expired. Ask for a new one.
forgot-title = Forgotten password
forgot-explain = Give the email address of your account; we will send you a link to choose a new password.
forgot-button = Send me a link
forgot-done = If an account uses this address, a message with a link is on its way. The link is valid for one hour.
reset-title = Choose a new password
reset-button = Save my new password
flash-password-reset = Your password is changed. Sign in with it.
reset-link-gone-title = This link no longer works
reset-link-gone-message = This link to choose a new password was already used or has expired (it is valid for one hour). Ask for a new one.
reset-link-gone-ask = Ask for a new link
login-forgot = Forgotten password?
error-login-unverified = This account is not activated yet: open the link in the message we sent you.
mail-greeting = Hello,
mail-verify-subject = Activate your account
mail-verify-intro = To confirm your email address and activate your account, open this link and press the button on the page:
mail-verify-ignore = If you did not ask for this, ignore this message.
mail-reset-subject = Choose a new password
mail-reset-intro = Someone, hopefully you, asked to reset the password of your account. To choose a new one, open this link (valid for one hour):
mail-reset-ignore = If you did not ask for this, ignore this message: your password stays as it is.
mail-email-change-subject = Confirm your new email address
mail-email-change-intro = To use this address for your account, open this link and press the button on the page:
mail-invitation-subject = { $inviter } invites you to join { $organisation }
mail-invitation-intro = { $inviter } invites you to join the organisation “{ $organisation }”. To answer, open this link:
mail-invitation-ignore = If you do not want to join, ignore this message.
mail-register-taken-subject = Someone tried to create an account with your address
mail-register-taken-intro = Someone, perhaps you, tried to create an account on this site with this email address. It is already the address of your account, so no second account was created.
mail-register-taken-login = To sign in to your account, open this link:
mail-taken-forgot = If you have forgotten your password, choose a new one here:
mail-taken-ignore = If it was not you, ignore this message: nothing was changed.
mail-email-taken-subject = Someone tried to use your address for another account
mail-email-taken-intro = Someone signed in to another account on this site asked to use this email address for it. It is already the address of your account, so nothing was changed: no other account can use it.
mail-email-notice-subject = The email address of your account is being changed
mail-email-notice-intro = Someone signed in to your account asked to change its email address to { $masked }. The change is made once the link sent to that address is opened.
mail-email-notice-action = If it was not you, someone else may be using your account. Choose a new password at once (this signs everyone out and cancels the change):
mail-email-notice-ok = If it was you, there is nothing to do.

## Account settings
account-title = My account
account-profile = Profile
field-locale = Language
save-button = Save
account-email = Email address
account-current-email = Current address: { $email }
account-email-button = Change my address
account-password = Password
account-password-button = Change my password
field-current_password = Current password
field-new_password = New password
error-password-wrong = This is not your current password.
account-delete-title = Delete my account
account-delete-explain = Your account and your own petitions, with their signatures, will be deleted for good.
account-delete-organisations = These organisations have no other member and will be deleted too, with their petitions:
account-delete-button = Delete my account for good
error-delete-last-admin = You are the only one who can manage the members of an organisation that has other members. Give one of them the right to modify permissions first.
flash-saved = Saved.
flash-email-sent = A message was sent to the new address. Open its link to confirm the change.
flash-email-changed = Your email address is changed.
flash-password-changed = Your password is changed.
flash-account-deleted = Your account is deleted.
email-change-title = Confirm your new address
email-change-explain = Press the button to use this address for your account.
email-change-button = Confirm my new address

## Organisations
org-website = Website
org-petitions = Petitions
org-new-title = Create an organisation
org-new-button = Create the organisation
field-name = Name
field-slug = Short name in addresses (e.g. friends-of-the-park)
field-description = Description
field-website = Website
error-url-invalid = This is not a web address starting with http:// or https://.
error-slug-taken = This short name is already taken.
flash-organisation-created = The organisation is created.
dashboard-title = Dashboard
dashboard-organisations = My organisations
dashboard-public-page = public page
dashboard-no-organisation = You do not belong to any organisation yet.
members-title = Members
members-save = Save
members-remove = Remove
members-invite = Invite someone
members-invite-button = Send the invitation
members-leave = Leave this organisation
field-invitee = User name or email address
error-invitee-unknown = No account has this user name. To invite someone without an account, give their email address.
error-already-member = This person is already a member.
error-last-admin = An organisation must keep at least one member who can modify permissions.
error-invitation-other = This invitation is for another account.
flash-invitation-sent = The invitation is sent.
flash-member-removed = The member is removed.
flash-left = You have left the organisation.
flash-joined = Welcome to the organisation!
flash-declined = The invitation is declined.
invitation-title = Invitation
invitation-explain = You are invited to join the organisation “{ $organisation }”.
invitation-accept = Accept
invitation-decline = Decline
invitation-sign-in = I have an account: sign in to answer
invitation-register = I have no account: create one
yes = yes
no = no
flag-add_members = Add members
flag-remove_members = Remove members
flag-create_petitions = Create petitions
flag-modify_petitions = Modify petitions
flag-delete_petitions = Delete petitions
flag-create_templates = Create templates
flag-modify_templates = Modify templates
flag-delete_templates = Delete templates
flag-view_signatures = View signatures
flag-modify_signatures = Modify signatures
flag-delete_signatures = Delete signatures
flag-modify_permissions = Modify permissions
challenge-image-label = Type the letters shown in the picture
challenge-image-alt = Distorted letters to type. If you cannot read them, ask the administrators of this instance to create your account.
