# Moderation: reporting a petition, what the public sees of a withheld one, the queue (/admin/moderation).
report-link = Report this petition
report-title = Report this petition
report-intro = Tell the moderators of this site what is wrong with “{ $title }”. You need no account, and we do not ask who you are.
field-reason = Reason
field-details = Details
report-details-hint = What should the moderators know? A link or a quote helps.
report-submit = Send the report
reported-title = Thank you
reported-message = Your report was received. The moderators will look at this petition.
error-report-reason = Choose one of the reasons.
error-report-rate = You have sent many reports today. Please try again tomorrow.

withheld-title = This petition is not available
withheld-hidden = The moderators of this site have hidden this petition.
withheld-suspended = The account or organisation that runs this petition is suspended.
withheld-awaiting-review = This petition is awaiting review by the moderators of this site.
withheld-category = Reason: { $category }

error-moderation-note-required = Write the reason: it is sent to the organisers and kept in the log.
error-moderation-not-hidden = This petition is not hidden.
error-moderation-not-pending = This petition is not awaiting approval.
error-suspend-staff = Administrators, moderators and yourself cannot be suspended from here.
error-organisation-suspended = This organisation is suspended: no petition can be created for it.
error-login-suspended = This account is suspended by the moderators of this site.
error-reasons-full = There are as many reasons as the form can offer. Change or retire one instead.

moderation-title = Moderation
moderation-withheld-title = Hidden petitions and suspensions
moderation-pending-title = Awaiting approval
moderation-pending-none = No petition is awaiting approval.
moderation-reports-title = Reports
moderation-total = { $count ->
    [0] No petition has open reports.
    [one] One petition has open reports.
   *[other] { $count } petitions have open reports.
}
moderation-owner = By { $owner }
moderation-traffic = Traffic
moderation-open-reports = { $count ->
    [0] No open report
    [one] One open report
   *[other] { $count } open reports
}
moderation-latest = latest on { $when }
moderation-reason-count = { $reason }: { $count }
moderation-state-label = State
moderation-state-ok = Shown
moderation-state-hidden = Hidden
moderation-state-pending = Awaiting approval
moderation-owner-label = Run by
moderation-owner-suspended = suspended
moderation-public-page = Public page
moderation-dashboard-page = In the dashboard
moderation-actions = Actions
field-note = Reason given
moderation-approve = Approve
moderation-refuse = Refuse (back to draft)
moderation-hide = Hide the petition
moderation-hide-reason = Category
moderation-choose-reason = Choose a category
moderation-unhide = Show again
moderation-dismiss = Dismiss the reports
moderation-suspend-user = Suspend the account
moderation-unsuspend-user = Restore the account
moderation-suspend-organisation = Suspend the organisation
moderation-unsuspend-organisation = Restore the organisation
moderation-hidden-petitions = Hidden petitions
moderation-suspended-users = Suspended accounts
moderation-suspended-organisations = Suspended organisations
moderation-none = None.

field-label = Label
reasons-title = Report reasons
reasons-intro = The reasons the report form offers, in each language of the site. A retired reason is no longer offered; reports that named it keep it.
reasons-label = Label ({ $language })
reasons-active = Offered on the form
reasons-save = Save
reasons-add = Add a reason

mail-moderation-hidden-subject = Your petition “{ $title }” was hidden
mail-moderation-refused-subject = Your petition “{ $title }” was not approved
mail-moderation-hidden-intro = The moderators of this site have hidden your petition “{ $title }”: its page is no longer shown and it takes no more signatures.
mail-moderation-refused-intro = The moderators of this site did not approve your petition “{ $title }”: it is back to draft.
mail-moderation-category = Category: { $category }
mail-moderation-note = The moderators wrote:
mail-moderation-dashboard = Your petition in the dashboard:

flash-moderation-hidden = The petition is hidden and its organisers are told why.
flash-moderation-unhidden = The petition is shown again.
flash-moderation-dismissed = The reports are dismissed.
flash-moderation-approved = The petition is approved: it is public now.
flash-moderation-refused = The petition is back to draft and its organisers are told why.
flash-moderation-suspended = Suspended.
flash-moderation-unsuspended = Restored.
flash-reason-saved = The reason is saved.

dashboard-awaiting-review = This petition is awaiting review by the moderators: it will be public once they approve it.
dashboard-hidden = The moderators have hidden this petition: its page is not shown and it takes no signatures.
