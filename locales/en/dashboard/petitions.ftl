## Public names: the organiser's setting, the signer's box, the lists
field-show_signer_names = Show the names of signers who agree
public-names-setting-hint = The form then offers each signer a box, unticked, to have their first and last name shown on the petition’s page. Only names are shown, never addresses or other answers. The form must ask for a name.

dashboard-awaiting-review = This petition is awaiting review by the moderators: it will be public once they approve it.
dashboard-hidden = The moderators have hidden this petition: its page is not shown and it takes no signatures.

## Organiser's dashboard: petitions list, wizard, editing, templates, signatures, statistics.
dashboard-petitions = Petitions
dashboard-no-petition = No petition here yet.
dashboard-its-petitions = its petitions
untitled = (untitled)
in-wizard = being created
last-signature = Last signature
count-confirmed = Confirmed
count-pending = Awaiting confirmation
count-paper = Paper signatures
filter-search = Search
filter-status = Status
filter-owner = Owner
filter-all = All
filter-button = Show
owner-me = Myself
pagination = Pages
page-previous = Previous page
page-next = Next page
page-of = Page { $page } of { $pages }
page-first = First page
page-last = Last page
status-draft = Draft
status-published = Published
status-closed = Closed
action-edit = Edit
action-signatures = Signatures
action-view = View
action-delete = Delete
cancel = Cancel

## Fields of the petition forms
field-title = Title
field-text = Text
field-goal = Signature goal
field-postal_code = Postal code
field-country = Country
field-organisation = Organisation
field-custom1 = Additional field 1
field-custom2 = Additional field 2
field-custom3 = Additional field 3
field-field_first_name = First name
field-field_last_name = Last name
field-field_phone = Phone number
field-field_postal_code = Postal code
field-field_country = Country
field-field_organisation = Organisation
field-custom-label = Label of additional field { $n }
field-custom-rule = Additional field { $n }
field-custom1_label = Label of additional field 1
field-custom2_label = Label of additional field 2
field-custom3_label = Label of additional field 3
field-field_custom1 = Additional field 1
field-field_custom2 = Additional field 2
field-field_custom3 = Additional field 3
field-theme = Theme
field-accent_color = Accent colour
field-background_color = Background colour
field-share_buttons = Sharing links shown on the page
field-social_title = Title when shared on social networks
field-social_description = Description when shared on social networks
field-reply_to = Reply-to address of the confirmation mail
field-confirmation_text = Your words in the confirmation mail
field-newsletter_label = Label of the newsletter checkbox
field-paper_signatures = Signatures collected on paper
field-owner = Owner
field-template = Starting point
field-status = Status
field-signatures = Signatures
field-members = Members
rule-required = Required
rule-optional = Optional
rule-off = Not asked
theme-classic = Classic
theme-campaign = Campaign
theme-minimal = Minimal
share-email = Email
share-mastodon = Mastodon
share-diaspora = Diaspora
share-link = Copyable link
hint-markdown = Markdown: **bold**, *italic*, # heading, - list, [link](https://example.org). Images are not shown.
hint-goal = Leave empty or 0 for no goal.
hint-colours = Keep the theme's colours, or pick your own. Colours that are hard to read are refused.
hint-social = Shown by social networks and chat apps in link previews.
hint-confirmation-text = Added after the confirmation link, for example to thank signers.
hint-newsletter = Leave empty to offer no newsletter checkbox.
hint-paper = Added to the count shown on the petition page.
fields-intro = Choose what signers are asked, besides their email address.
fields-email-always = The email address is always required: it is how signatures are confirmed.
fields-custom-hint = Give a label to ask something else, for example a neighbourhood.

## Flash messages
flash-draft-saved = The draft is saved. You can come back to it from your dashboard.
flash-petition-published = The petition is published.
flash-status-published = The petition is published.
flash-status-draft = The petition is back to draft: it is no longer public.
flash-status-closed = The petition is closed: its page stays, signatures are no longer accepted.
flash-petition-deleted = The petition is deleted.
flash-petition-transferred = The petition has a new owner.
flash-permalink-added = The permalink is added.
flash-permalink-removed = The permalink is removed.
flash-template-created = The template is created. Fill it in below.
flash-template-saved = The template is saved.
flash-template-deleted = The template is deleted.
flash-signature-deleted = The signature is deleted.
flash-confirmation-resent = A new confirmation mail is on its way.

## Wizard
wizard-title = New petition
wizard-progress = Progress
wizard-step-of = Step { $n } of { $total }
wizard-step-owner = Owner
wizard-step-start = Starting point
wizard-step-content = Title and text
wizard-step-preview = Preview
wizard-step-fields = Goal and signer fields
wizard-step-look = Look
wizard-step-review = Review
wizard-owner-legend = Who will this petition belong to?
wizard-start-legend = Start from
wizard-start-keep = What I have written so far
wizard-start-blank = A blank petition
wizard-preview-hint = This is how the text will look. Go back to change it.
wizard-next = Save and continue
wizard-back = Save and go back
wizard-publish = Publish now
wizard-keep-draft = Keep as draft
wizard-publish-by-others = Publishing it needs the right to modify petitions: a member who holds it can publish this draft from its page.
wizard-continue = Continue creating
review-fields = Signers are asked
review-no-goal = No goal

## Petition page in the dashboard
edit-sections = Edit
section-content = Content
section-fields = Signer fields
section-look = Look
section-sharing = Sharing
section-mail = Mail
section-paper = Paper signatures
section-permalinks = Permalinks
status-publish = Publish
status-unpublish = Unpublish (back to draft)
status-close = Close (stop signatures)
status-reopen = Reopen
permalinks-current = Address
permalinks-none = This petition has no permalink yet; one is made from its title when it is published.
permalink-canonical = main address
permalink-redirects = redirects to the main address
permalink-remove = Remove
permalink-add = Add a permalink
permalink-add-button = Add
save-as-template = Save as a template
save-as-template-button = Save as template
danger-zone = Give away or delete
transfer-title = Give this petition to another owner
transfer-legend = New owner
transfer-hint = Its permalinks, signatures and settings go with it.
transfer-button = Give the petition
transfer-nowhere = There is no other owner you may give this petition to.
delete-title = Delete this petition
delete-question = Delete “{ $title }” { $count ->
        [0] for ever?
        [one] and its one signature for ever?
       *[other] and its { $count } signatures for ever?
    } This cannot be undone.
delete-confirm = Yes, delete for ever

## Templates
templates-title = Templates
templates-intro = A template holds the settings a new petition starts from. The default one is offered first.
templates-none = No template yet.
template-new = New template
template-create = Create the template
template-default = default
template-set-default = Make default
template-unset-default = No longer default
template-content-hint = The title and text may stay empty: each petition writes its own.

## Signatures
signatures-title = Signatures
signatures-search = Name or email address
signatures-found = { $count ->
    [one] One signature
   *[other] { $count } signatures
}
# A search finds more signatures than it counts ($count is that limit, 1,000).
signatures-found-more = More than { $count } signatures
which-all = All
which-confirmed = Confirmed
which-pending = Awaiting confirmation
resend-button = Send again
resend-all-button = Remind everyone awaiting confirmation
resend-all-hint = Each person gets at most one reminder a day.
resend-all-done = { $count ->
    [0] Nobody needed a reminder: everyone awaiting confirmation was mailed in the last day.
    [one] One reminder is on its way.
   *[other] { $count } reminders are on their way.
}
signature-delete-title = Delete a signature
signature-delete-question = Delete the signature of { $email } on “{ $title }”? This cannot be undone.
export-csv = Download as CSV (spreadsheet)
export-json = Download as JSON
export-signed-at = Signed at
export-confirmed-at = Confirmed at
export-newsletter = Newsletter
export-language = Language

## Statistics
stats-title = Statistics
stats-today = Signatures today
stats-none = No signatures yet.
stats-chart-title = Signatures per day: { $title }
stats-chart-desc = Daily signatures from { $first } to { $last }; the highest day has { $max ->
        [one] one
       *[other] { $max }
    }.
stats-bar = { $date }: { $confirmed } confirmed, { $pending } awaiting confirmation
stats-download = Download the chart (SVG)
stats-table = The numbers, day by day
stats-day = Day
# A petition's image and milestone.
section-image = Image
field-image = Image file
field-image_alt = Description of the image, for people who cannot see it
field-milestone_text = Text shown once the goal is reached
hint-milestone = For instance a thank-you and what comes next. If you then raise the goal, the page says the first goal was reached.
# A petition's side text and thank-you text (Markdown, both optional).
field-side_text = Side text
hint-side-text = Markdown, shown in a box below the petition’s text: for instance why it matters, or who is behind it. Leave it empty to show nothing.
field-thank_you_text = Thank-you text
hint-thank-you-text = Markdown, shown to signers on the page after they sign, with the standard message asking them to confirm by mail. Leave it empty to show only that.
hint-image = PNG or JPEG, at most 2 MB. Shown at the top of the Campaign theme and in link previews. The server converts the file again, which removes its hidden data (such as where a photo was taken).
image-current = Current image ({ $width } × { $height } pixels)
image-remove = Remove the image
image-none = This petition has no image.
image-upload-heading = Upload an image
image-upload = Upload
flash-image-removed = The image is removed.

# Signatures a moderator invalidated (kept, not counted).
# The counts above a petition's signatures list; the last part only when moderators invalidated some.
signature-counts = Confirmed: { $confirmed } · Awaiting confirmation: { $pending }{ $invalidated ->
        [0] {""}
       *[other] {" "}· Invalidated by moderators: { $invalidated }
    }
signature-invalidated = Invalidated
export-invalidated-at = Invalidated at
wizard-no-owner = This instance hosts petitions of organisations only. Join or create an organisation first.

# A petition in several languages: the panel on the content page and the wizard's review.
languages-heading = Languages
languages-intro = Visitors read the petition in their language when it has a translation into it, else in { $default }.
languages-none = No translation yet.
language-up-to-date = up to date
language-older = older than the default text
language-edit = Edit the { $name } translation
language-remove = Remove the { $name } translation
language-remove-hint = Removing a translation deletes its words at once; its visitors then read the default language.
language-add = Add a language
language-add-hint = The translation starts as a copy of the default text, for you to translate.
language-add-button = Add this language
flash-language-added = Language added: its text is a copy of the default one, to translate.
flash-language-removed = Translation removed.
error-language-invalid = This language cannot be added: the petition has it already, or it is not offered.
translation-title = { $name } translation
translation-intro = The petition's words in { $name }. The goal, signer fields and look are those of the default language ({ $default }); a field left empty shows its words in { $default }.
translation-older = The default text changed after this translation was last saved: check that it still says the same.
translation-back = Back to the petition's content
