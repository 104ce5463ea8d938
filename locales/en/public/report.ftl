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

withheld-title = This petition is not available
withheld-hidden = The moderators of this site have hidden this petition.
withheld-suspended = The account or organisation that runs this petition is suspended.
withheld-awaiting-review = This petition is awaiting review by the moderators of this site.
withheld-category = Reason: { $category }
