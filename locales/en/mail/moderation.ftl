mail-moderation-hidden-subject = Your petition “{ $title }” was hidden
mail-moderation-refused-subject = Your petition “{ $title }” was not approved
mail-moderation-hidden-intro = The moderators of this site have hidden your petition “{ $title }”: its page is no longer shown and it takes no more signatures.
mail-moderation-refused-intro = The moderators of this site did not approve your petition “{ $title }”: it is back to draft.
mail-moderation-category = Category: { $category }
mail-moderation-note = The moderators wrote:
mail-moderation-dashboard = Your petition in the dashboard:
