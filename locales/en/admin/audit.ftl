## Personal-data retention: the organiser's setting, the public page, the signatures page and the downloads.
audit-retention-erase = Signers' personal data erased (retention)
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

audit-operator = (operator)
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

# A petition's traffic, for moderators (/admin/petitions/<id>/traffic).
traffic-title = Where the signatures come from
traffic-open-label = Traffic of petition number
traffic-open-button = Show
traffic-explain = Signatures of the last { $hours ->
        [one] hour
       *[other] { $hours } hours
    }, hour by hour, with the recipient domains and the clients that sent the most. A client is a keyed hash of its address: the same address always gives the same key, and the address itself is never stored.
traffic-hour = Hour
traffic-signatures = Signatures
traffic-invalidated = Invalidated
traffic-domains = Top recipient domains
traffic-clients = Top clients
traffic-client-unknown = (not recorded)
traffic-none = No signature in this period.
traffic-invalidate-heading = Invalidate signatures by rule
traffic-invalidate-explain = Signatures matching every criterion you give are invalidated: they stop counting, are kept and shown to the organiser as invalidated, and the rule goes to the audit log. Their confirmation mails still waiting are not sent. First see how many would go.
field-rule_domain = Recipient domain (for example example.org)
field-rule_client = Client key
field-rule_from = From (UTC)
field-rule_until = Until (UTC)
field-rule_which = Signatures
field-rule_reason = Reason (for the audit log)
traffic-reason-hint = Say why: the audit log keeps it with the rule and the number.
traffic-which-all = Pending and confirmed
traffic-which-pending = Pending only
traffic-which-confirmed = Confirmed only
traffic-dry-run-button = Count the signatures this rule takes
traffic-dry-run-result = { $count ->
    [0] This rule takes no signature.
    [one] This rule would invalidate one signature.
   *[other] This rule would invalidate { $count } signatures.
}
traffic-invalidate-button = { $count ->
    [one] Invalidate this signature
   *[other] Invalidate these { $count } signatures
}
flash-signatures-invalidated = The signatures are invalidated. The audit log has the rule and their number.
audit-petition-refuse = Petition refused
audit-reason-change = Report reason changed
