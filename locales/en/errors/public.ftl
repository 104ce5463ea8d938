## Form fields and their errors
form-has-errors = Please correct the following:
# One line of that list: the field's label, then what is wrong with it.
error-summary-item = { $field }: { $message }
error-required = This field is required.
error-too-long = This is too long.
error-invalid-characters = This contains characters that are not allowed.
error-email-invalid = This is not a valid email address, for example name@example.org.
error-email-literal = Give an address with a domain name, like name@example.org, not a server’s IP address.
error-email-quoted = Give this address without quotation marks or spaces, like name@example.org.
error-phone-invalid = This is not a valid phone number.

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
error-overloaded = Many people are using this site right now. Please try again in a few seconds.
error-instance-invalid = Enter the name of a server, like mastodon.social.

# Signing past a rate, at most one mail an hour, and what a confirmation link confirms.
error-challenge-needed = Many signatures are coming from your connection just now. To show you are a person, answer this question; what you typed is kept.

## My signatures (/my-signatures): the signer's own page of their signatures
error-portal-no-newsletter = This petition offers no newsletter.
error-report-reason = Choose one of the reasons.
error-report-rate = You have sent many reports today. Please try again tomorrow.
