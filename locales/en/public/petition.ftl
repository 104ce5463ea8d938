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
# A petition's public page: progress and sharing.
progress-text = { $count } of { $goal ->
        [one] { $goal } signature
       *[other] { $goal } signatures
    }
goal-reached = Goal of { $goal ->
        [one] { $goal } signature
       *[other] { $goal } signatures
    } reached!
goal-raised = The first goal of { $reached ->
        [one] { $reached } signature
       *[other] { $reached } signatures
    } was reached. New goal: { $goal }.
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
thanks-mailed-earlier = A confirmation email was already sent to this address for this petition less than an hour ago, so none was sent this time. Open the link in that email (check your spam folder too).
confirm-details-heading = You are confirming
confirm-details-name = Name
confirm-details-yes = Yes
confirm-details-wrong = If these are not the details you signed with, do not press the button: ignore this page.

# The challenge's questions: several kinds, two wordings each, numbers named in words.
challenge-sum-1 = To show you are a person: what is { $a } plus { $b }?
challenge-sum-2 = Add { $a } and { $b }. What number do you get?
challenge-difference-1 = To show you are a person: what is { $a } minus { $b }?
challenge-difference-2 = Take { $b } away from { $a }. What is left?
challenge-largest-1 = Which is the largest of these numbers: { $a }, { $b }, { $c }?
challenge-largest-2 = Of { $a }, { $b } and { $c }, which number is the biggest?
challenge-letters-1 = How many letters are in the word “{ $word }”?
challenge-letters-2 = Count the letters of “{ $word }”. How many are there?
challenge-nth-word-1 = What is the { $n ->
        [1] first
        [2] second
        [3] third
       *[4] fourth
    } word of “{ $words }”?
challenge-nth-word-2 = In “{ $words }”, which word comes { $n ->
        [1] first
        [2] second
        [3] third
       *[4] fourth
    }?
challenge-digits-1 = Type these digits as one number: { $a }, { $b }, { $c }.
challenge-digits-2 = Write { $a }, then { $b }, then { $c } in figures, with no spaces.

## Personal-data retention: the organiser's setting, the public page, the signatures page and the downloads.
retention-public-open = Signers' personal data is erased { $days ->
        [one] one day
       *[other] { $days } days
    } after this petition closes.
retention-public-closed = Signers' personal data will be erased on { $date }.
retention-public-erased = Signers' personal data was erased on { $date }.

## The challenge on signing and registration forms: its label, and numbers named in words.
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

# The petition's own languages (a list of links above its text).
petition-languages = This petition in other languages

# The organiser’s side text, below the petition’s (named for screen readers).
petition-side = More about this petition

# The progress component: what is still needed to reach the goal.
progress-needed = { $needed ->
        [one] One more signature needed to reach { $goal }
       *[other] { $needed } more signatures needed to reach { $goal }
    }
