# A petition's public page: progress and sharing.
progress-text = { $count } of { $goal } signatures
goal-reached = Goal of { $goal } signatures reached!
goal-raised = The first goal of { $reached } signatures was reached. New goal: { $goal }.
share-heading = Share this petition
share-by-email = Share by email
share-on-mastodon = Share on Mastodon
share-on-diaspora = Share on Diaspora
share-instance-mastodon = Your Mastodon instance (for example mastodon.social)
share-instance-diaspora = Your Diaspora pod (for example diasp.org)
share-instance-hint = This site sends you to your server only through the link it then shows, and loads nothing from it.
share-leaving = You are leaving this site for { $host }.
share-go = Continue to { $host }
share-leaving-hint = Check that this is your server: its name is written as your browser will reach it.
share-continue = Continue
share-link-label = Link to this petition
share-text = I signed “{ $title }”. Will you sign too?
share-mail-subject = Petition: { $title }
field-instance = Your server
error-instance-invalid = Enter the name of a server, like mastodon.social.

# Signing past a rate, at most one mail an hour, and what a confirmation link confirms.
error-challenge-needed = Many signatures are coming from your connection just now. To show you are a person, answer this question; what you typed is kept.
thanks-mailed-earlier = A confirmation email was already sent to this address for this petition less than an hour ago, so none was sent this time. Open the link in that email (check your spam folder too).
confirm-details-heading = You are confirming
confirm-details-name = Name
confirm-details-yes = Yes
confirm-details-wrong = If these are not the details you signed with, do not press the button: ignore this page.
