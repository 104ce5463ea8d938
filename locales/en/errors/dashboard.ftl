## Organisations
error-url-invalid = This is not a web address starting with http:// or https://.
error-slug-taken = This short name is already taken.
error-invitee-unknown = No account has this user name. To invite someone without an account, give their email address.
error-already-member = This person is already a member.
error-last-admin = An organisation must keep at least one member who can modify permissions.
error-invitation-other = This invitation is for another account.

## Errors
error-choice-invalid = Choose one of the options.
error-colour-invalid = Write a colour as # followed by six hexadecimal digits, for example #0b5d3b.
error-contrast-background = This background is too dark for the text: choose a lighter one.
error-contrast-accent = The accent colour does not stand out enough from the background (WCAG AA asks for a contrast of 4.5 to 1).
error-contrast-button = Text on buttons of this accent colour would be hard to read: choose a darker or lighter accent.
error-custom-label-required = Give this field a label, or choose "Not asked".
error-goal-invalid = Write a whole number between 0 and 1,000,000,000.
error-number-invalid = Write a whole number between 0 and 1,000,000,000.
error-permalink-too-many = A petition can have at most 10 permalinks.
error-publish-incomplete = A petition needs a title and a text before it is published.
error-resend-confirmed = This signature is already confirmed.
error-resend-too-soon = A confirmation mail was sent to this address less than ten minutes ago.
error-transfer-same = The petition already belongs there.
error-transfer-slug-taken = The new owner already uses one of this petition's permalinks. Remove it from this petition first.

## Wizard
error-not-in-wizard = This petition is no longer a draft in the creation wizard. Edit it from its page.

## Statistics
error-image-missing = Choose an image file.
error-image-too-large = This file is larger than 2 MB.
error-image-type = This file is not a PNG or JPEG image.
error-image-broken = This image could not be read.
error-image-dimensions = This image has too many pixels: at most 40 megapixels (for example 8000 × 5000).

error-personal-petitions-off = This instance hosts petitions of organisations only: choose an organisation.
