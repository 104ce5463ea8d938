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
share-instance-hint = You are sent to your server only when you press the button; this site loads nothing from it.
share-continue = Continue
share-link-label = Link to this petition
share-text = I signed “{ $title }”. Will you sign too?
share-mail-subject = Petition: { $title }
field-instance = Your server
error-instance-invalid = Enter the name of a server, like mastodon.social.
