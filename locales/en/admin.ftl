# Instance administration and moderation (/admin).
admin-title = Administration
admin-all-petitions = Every petition on the instance
owner-all-instance = Every petition on the instance

admin-audit-title = Audit log
audit-filter-actor = By
audit-filter-action = Action
audit-filter-kind = On
audit-filter-target = Number
audit-filter-from = From
audit-filter-until = Until
audit-total = { $count ->
    [0] No entry.
    [one] One entry.
   *[other] { $count } entries.
}
audit-empty = Nothing has been recorded here.
audit-when = When
audit-who = Who
audit-what = What
audit-target = On what
audit-why = Reason

audit-kind-petition = Petition
audit-kind-organisation = Organisation
audit-kind-user = Account
audit-kind-mail = Mail
audit-kind-setting = Setting
audit-kind-report = Report
audit-kind-reason = Report reason
audit-kind-instance = Instance

audit-unknown = Other action
audit-mail-retry = Mail sent again
audit-mail-cancel = Mail cancelled
audit-role-grant = Role granted
audit-role-revoke = Role withdrawn
audit-petition-hide = Petition hidden
audit-petition-unhide = Petition shown again
audit-petition-approve = Petition approved
audit-report-dismiss = Reports dismissed
audit-user-suspend = Account suspended
audit-user-unsuspend = Account restored
audit-organisation-suspend = Organisation suspended
audit-organisation-unsuspend = Organisation restored
audit-organisation-edit = Organisation profile edited
audit-setting-change = Setting changed
audit-signatures-invalidate = Signatures invalidated
audit-petition-refuse = Petition refused
audit-reason-change = Report reason changed
