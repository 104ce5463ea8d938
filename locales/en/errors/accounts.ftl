## Accounts
error-login-failed = This user name or password is not right.
error-rate-limited = Too many attempts. Please wait a minute and try again.
error-password-short = Use at least 10 characters.
error-name-short = This is too short.
error-name-characters = Use only lower-case letters, digits, “-” and “_”.
error-name-reserved = This name is reserved. Please choose another one.
error-username-taken = This user name is already taken.
error-email-taken = An account already uses this email address.
error-email-same = This is already the address of your account.

## Registration and mailed account links
error-challenge-wrong = This is not the right answer. Here is a new question.
error-registration-closed = This instance does not accept new accounts.
error-link-invalid = This link is not valid: it was already used or has expired. Ask for a new one.
error-login-unverified = This account is not activated yet: open the link in the message we sent you.

## Account settings
error-password-wrong = This is not your current password.
error-delete-last-admin = You are the only one who can manage the members of an organisation that has other members. Give one of them the right to modify permissions first.
error-login-suspended = This account is suspended by the moderators of this site.
error-registration-invite-only = New accounts need an invitation from an organisation on this instance.
