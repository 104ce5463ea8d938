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

flash-moderation-hidden = The petition is hidden and its organisers are told why.
flash-moderation-unhidden = The petition is shown again.
flash-moderation-dismissed = The reports are dismissed.
flash-moderation-approved = The petition is approved: it is public now.
flash-moderation-refused = The petition is back to draft and its organisers are told why.
flash-moderation-suspended = Suspended.
flash-moderation-unsuspended = Restored.
flash-reason-saved = The reason is saved.
