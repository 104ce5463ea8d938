## A petition without an account (/new)
error-guest-petitions-off = This site does not offer petitions without an account. Sign in or create an account to start one.
