## A petition without an account (/new)
mail-guest-verify-subject = Confirm your address to start your petition
mail-guest-verify-intro = You, or someone who knows your address, asked to start a petition on this site. Open this link to confirm your address and write it:
mail-guest-verify-valid = The link works for { $days ->
        [one] one day
       *[other] { $days } days
    }.
mail-guest-ignore = If you did not ask for it, ignore this message: nothing is published.
mail-guest-link-subject = The management link of your petition
mail-guest-link-intro = Here is the private link to manage your petition (edit, publish, see its signatures, attach it to an account):
mail-guest-link-keep = Keep this message and do not forward it: whoever has the link manages the petition. You can revoke it from its page.
