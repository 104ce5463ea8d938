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
flash-signed-out = You are signed out.
flash-setup-done = Your administrator account is ready. Welcome!
setup-title = Set up this instance
setup-explain = No account exists yet. Create the administrator account of this instance.
setup-button = Create the administrator account

## Registration and mailed account links
register-title = Create an account
register-button = Create my account
register-have-account = Already have an account? Sign in.
register-done-title = Check your mailbox
register-done-message = If this address can be used, a message is on its way to it. Open the link it contains to activate your account.
verify-title = Activate your account
verify-explain = Press the button to confirm your email address and activate your account.
verify-button = Activate my account
flash-verified = Your address is confirmed. Welcome!
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
account-delete-title = Delete my account
account-delete-explain = Your account and your own petitions, with their signatures, will be deleted for good.
account-delete-organisations = These organisations have no other member and will be deleted too, with their petitions:
account-delete-button = Delete my account for good
flash-saved = Saved.
flash-email-sent = A message was sent to the new address. Open its link to confirm the change.
flash-email-changed = Your email address is changed.
flash-password-changed = Your password is changed.
flash-account-deleted = Your account is deleted.
email-change-title = Confirm your new address
email-change-explain = Press the button to use this address for your account.
email-change-button = Confirm my new address

## Organisations
challenge-image-label = Type the letters shown in the picture
challenge-image-alt = Distorted letters to type. If you cannot read them, ask the administrators of this instance to create your account.
