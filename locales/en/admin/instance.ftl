flash-nothing-changed = Nothing was changed.
flash-moderator-granted = The moderator role was granted.
flash-moderator-revoked = The moderator role was withdrawn.
flash-logo-removed = The logo was removed.

admin-settings-title = Settings
settings-intro = Changes apply at once, without restarting the server.
settings-identity = The instance
settings-name = Name of the instance
settings-description-hint = A sentence or two about who runs this instance and for whom.
field-banner = Banner shown on every page
settings-accounts = Accounts and petitions
field-registration = Who may create an account
settings-registration-open = Anyone
settings-registration-invite-only = Only people invited by an organisation
settings-registration-closed = Nobody (administrators create accounts)
field-organisation_creation = Who may create organisations
settings-organisation_creation-anyone = Anyone with an account
settings-organisation_creation-admins = Administrators only
field-default_theme = Theme of new petitions
field-personal_petitions = People may start petitions in their own name (not only organisations)
field-guest_petitions = Visitors may start a petition with only an email address (at /new)
settings-signing = Signing
field-signing_paused = Pause signing on every petition
field-signing_paused_message = Message shown to signers while signing is paused
settings-paused-hint = Shown on every petition in place of the form.
settings-documents = Documents
settings-documents-hint = Written in Markdown. Each one that is filled in is linked at the bottom of every page.
field-terms = Terms of use
field-privacy = Privacy policy
field-legal = Legal notice
settings-save = Save the settings

admin-statistics-title = Statistics
admin-stats-petitions = Petitions
admin-stats-total = All petitions
admin-stats-signatures = Confirmed signatures over the last { $days ->
        [one] day
       *[other] { $days } days
    }
admin-stats-confirmed = { $count ->
    [0] No signature was confirmed in that time.
    [one] One signature was confirmed in that time.
   *[other] { $count } signatures were confirmed in that time.
}
admin-stats-mail = Mail
admin-stats-mail-waiting = Mails waiting to be sent
admin-stats-mail-oldest = Oldest waiting mail
admin-stats-minutes = { $count ->
    [0] queued less than a minute ago
    [one] queued one minute ago
   *[other] queued { $count } minutes ago
}
admin-stats-mail-failed = Mails that failed

admin-users-title = Accounts
admin-users-search = User name, name or email address
admin-users-total = { $count ->
    [0] No account.
    [one] One account.
   *[other] { $count } accounts.
}
admin-users-created = Created
admin-users-verified = Address verified
admin-users-roles = Roles
role-admin = Administrator
role-moderator = Moderator
admin-users-grant = Make { $name } a moderator
admin-users-revoke = Withdraw { $name }'s moderator role
admin-list-empty = Nothing matches.

admin-organisations-title = Organisations
admin-organisations-search = Name or short name
admin-organisations-total = { $count ->
    [0] No organisation.
    [one] One organisation.
   *[other] { $count } organisations.
}
admin-organisations-members = Members
field-retention_days = Days after a petition closes before its signers' personal data is erased
settings-retention-hint = Names, addresses and every field are erased then; counts and daily figures stay. Each petition may set its own.
