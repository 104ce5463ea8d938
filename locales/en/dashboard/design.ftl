## The organisers' pages after the design pass (issue #20): template deletion, the wizard's image
## step and review, the signer fields' table, the look step's colours.

# The label of the error when a confirmation mail is asked again too soon (signatures page).
field-resend = Confirmation mail
template-delete-title = Delete this template
template-delete-question = Delete the template “{ $name }”? Petitions already started from it keep their text and settings.
wizard-step-image = Image
wizard-image-intro = A picture at the top of the petition: the campaign theme shows it large, and link previews use it. This step is optional: go on without one, or add it later from the petition's page.
review-owner = Owner
review-image = Image
review-no-image = No image
# The first column of the signer fields' table; the other columns are rule-required, rule-optional and rule-off.
rules-field = Field
colours-legend = Colours
colours-theme = The theme's colours
colours-own = My own colours
