## The sign form's "keep me informed" box, and a petition's updates and response on its page.
sign-keep-informed = Keep me informed about this petition (its updates and the response, by email; you can stop them at any time)
response-heading = The response
response-date = Responded on { $date }
response-document = Read the response document
updates-heading = Updates
## The unsubscribe link of update mails (/unsubscribe/…).
unsubscribe-title = Stop updates
unsubscribe-explain = You will no longer receive this petition’s updates and response by email. Your signature stays.
unsubscribe-button = Stop the updates
unsubscribe-done = Done: you will receive no more updates about this petition. Your signature stays.
unsubscribe-unknown = This link does not work: it is incomplete, or the signature it was sent for was withdrawn.
