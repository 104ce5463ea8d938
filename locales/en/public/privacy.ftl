# Signers' names in public, opt-in; the privacy pages of the instance and of each petition.

## Public names: the organiser's setting, the signer's box, the lists
sign-name-public = Show my name in the public list of signers
public-names-heading = Signers
public-names-all = { $count ->
    [one] See the name in the list of signers
   *[other] See all { $count } names in the list of signers
}
# Past 10,000 listed names the pages stop counting them ($count is that limit).
public-names-all-more = See more than { $count } names in the list of signers
public-names-title = Signers who chose to show their name
public-names-count = Names shown: { $names }, of { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}. The other signers chose not to show theirs.
# As public-names-count, past 10,000 listed names ($names is that limit).
public-names-count-more = Names shown: more than { $names }, of { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}. The other signers chose not to show theirs.
public-names-none = No signer has chosen to show their name yet.
public-names-older = Older names
public-names-newest = Newest names

## Links beside the forms that take personal data
privacy-link = How we handle your data

## The instance's privacy page
privacy-intro = { $site } runs this petition site. This page says what it keeps about you, why, for how long, who can see it, and how to take it back.
privacy-legal = The legal notice says who its administrators are.
privacy-stored-heading = What is kept when you sign
privacy-stored-email = Your email address: every petition asks for it.
privacy-stored-fields = The fields the petition asks for, among these: first name, last name, phone number, postal code, country, organisation, and up to three fields its organisers name. Each petition’s own privacy page, linked under its form, lists exactly which, and which are required.
privacy-stored-choices = Whether you want the organisers’ newsletter, when the petition offers one, and whether your name may appear in its public list of signers.
privacy-stored-dates = The language you signed in, and when you signed and confirmed.
privacy-stored-client = Not your IP address. A keyed fingerprint of it, which cannot be turned back into the address without this site’s secret key, is kept with your signature so that moderators can recognise a flood of signatures from one place; it also limits, in memory only, how many forms one connection can send.
privacy-why-heading = Why
privacy-why-count = To count your signature, and to make sure it is yours: the mail we send asks you to confirm it.
privacy-why-organisers = The organisers receive the fields they asked for, for instance to hand the petition over with the names of its signers.
privacy-why-newsletter = Your address goes to the organisers’ newsletter only if you tick its box.
privacy-how-long-heading = For how long
privacy-unconfirmed = { $days ->
    [one] A signature not confirmed within a day is deleted.
   *[other] A signature not confirmed within { $days } days is deleted.
}
privacy-personal-data = { $days ->
    [one] Names, addresses and answers are erased one day after the petition closes, unless the petition sets its own period (its privacy page says so). The number of signatures remains.
   *[other] Names, addresses and answers are erased { $days } days after the petition closes, unless the petition sets its own period (its privacy page says so). The number of signatures remains.
}
privacy-sent-mail = { $days ->
    [one] The mails we send are deleted one day after sending.
   *[other] The mails we send are deleted { $days } days after sending.
}
privacy-accounts = Organisers’ accounts are kept until their owners delete them.
privacy-who-heading = Who can see it
privacy-who-organisers = The petition’s organisers who hold the right to view its signatures: the author of a personal petition, or the members of the organisation that runs it who were given that right.
privacy-who-admins = This site’s administrators. Moderators see only where signatures come from (the domains of the addresses, and keyed fingerprints of the connections that sent them), to stop abuse.
privacy-who-nobody = Nobody else. Your email address is never shown publicly; your name appears in a petition’s public list only if you tick the box for it.
privacy-rights-heading = Seeing, exporting and withdrawing your signatures
privacy-rights-mail = Every mail we send about a signature has a link to withdraw it.
privacy-rights-portal = On the “My signatures” page, ask for a link by mail: it shows all your signatures, lets you export them and withdraw any of them.
privacy-rights-portal-link = My signatures
privacy-rights-account = With an account, you can delete it from your account settings.
privacy-admin-heading = From this site’s administrators

## A petition's privacy page
privacy-petition-title = Your data and this petition
privacy-petition-owner = Run by
privacy-petition-keeper = Its signatures are kept by { $site }.
privacy-petition-fields-heading = What this petition asks for
privacy-petition-required = required
privacy-petition-optional = optional
privacy-petition-newsletter = If you tick “{ $label }”, your email address is given to { $owner }, who runs the petition, for their newsletter.
privacy-petition-no-newsletter = This petition offers no newsletter.
privacy-petition-names-public = You may have your first and last name shown in the petition’s public list of signers, only if you tick the box for it. Your address and other answers are never shown.
privacy-petition-names-private = No name is shown publicly: only the number of signatures.
privacy-petition-retention-own = { $days ->
    [one] This petition erases its signers’ names, addresses and answers one day after it closes (its own period).
   *[other] This petition erases its signers’ names, addresses and answers { $days } days after it closes (its own period).
}
privacy-petition-retention-default = { $days ->
    [one] This petition erases its signers’ names, addresses and answers one day after it closes (this site’s default).
   *[other] This petition erases its signers’ names, addresses and answers { $days } days after it closes (this site’s default).
}
privacy-petition-open = It is still open: the period starts when it closes.
privacy-petition-closed = It closed on { $closed }: they will be erased on { $date }.
privacy-petition-erased = They were erased on { $date }; only the number of signatures remains.
privacy-petition-policy = This site’s privacy policy
