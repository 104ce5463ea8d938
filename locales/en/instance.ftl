# Instance administration: settings, accounts and organisations, statistics; organisation profiles.
document-terms = Terms of use
document-privacy = Privacy policy
document-legal = Legal notice
footer-documents = About this instance

error-personal-petitions-off = This instance hosts petitions of organisations only: choose an organisation.
error-registration-invite-only = New accounts need an invitation from an organisation on this instance.
error-not-on-yourself = You cannot change your own role.
error-paused-message-required = Tell signers why signing is paused.
wizard-no-owner = This instance hosts petitions of organisations only. Join or create an organisation first.

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
admin-stats-signatures = Confirmed signatures over the last { $days } days
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
profile-edit-link = Edit the profile of { $name }

profile-title = Public profile
profile-description-hint = Shown on the organisation's page. Markdown is allowed.
profile-save = Save the profile
profile-logo = Logo
field-logo = Logo (PNG or JPEG, at most 2 MB)
profile-logo-hint = It is scaled to fit 400 × 400 pixels and stored again as JPEG.
profile-logo-upload = Upload the logo
profile-logo-remove = Remove the logo
org-logo-alt = Logo of { $name }
flag-edit_profile = Edit the public profile
field-retention_days = Days after a petition closes before its signers' personal data is erased
settings-retention-hint = Names, addresses and every field are erased then; counts and daily figures stay. Each petition may set its own.
error-retention-days = Enter a number of days between 1 and 3650.
