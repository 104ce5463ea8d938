## My signatures (/my-signatures): the signer's own page of their signatures
portal-footer-link = My signatures
portal-title = My signatures
portal-explain = Enter the email address you signed with. If it signed petitions on this site, we email it a link to a page listing them, where you can withdraw them, change your newsletter choices and download everything we store about you. The link works for { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
portal-ask-button = Email me the link
portal-privacy = Your address is used only to find your signatures and to send you this link.
portal-asked-title = Check your mailbox
portal-asked-message = If this address signed a petition on this site, a link to your signatures is on its way; it may take a few minutes, and may land in your spam folder. If you asked a moment ago, use the link sent then: a new one is sent only every few minutes.
portal-link-gone-title = This link does not open your signatures
portal-expired-message = This link has expired: for your privacy, links work only for a short while. Ask for a new one with your email address.
portal-unknown-message = This link is not valid. Check that you copied it whole, or ask for a new one.
portal-ask-again = Ask for a new link
portal-list-count = { $count ->
    [0] This address has no signature on this site.
    [one] This address signed one petition on this site.
   *[other] This address signed { $count } petitions on this site.
}
portal-list-capped = Only the { $count ->
        [one] most recent is
       *[other] { $count } most recent are
    } listed here. The download holds them all.
portal-link-valid-until = This page works until { $time }. To come back later, ask for a new link.
portal-status-pending = Awaiting confirmation
portal-status-confirmed = Confirmed
portal-status-invalidated = Not counted: invalidated by a moderator
portal-signed-on = Signed on { $date }
portal-confirmed-on = confirmed on { $date }
portal-change-pending = New answers you gave when signing again wait for you to confirm them with the link mailed then.
portal-newsletter-save = Save my choice
portal-withdraw-button = Withdraw this signature
portal-withdraw-all-link = Withdraw all my signatures
portal-export-link = Download everything stored about me (JSON)
portal-withdraw-all-explain = { $count ->
    [0] This address has no signature left to withdraw.
    [one] Your signature will be deleted with the details you gave, and no longer counted. This cannot be undone.
   *[other] Your { $count } signatures will be deleted with the details you gave, and no longer counted. This cannot be undone.
}
portal-withdraw-all-button = { $count ->
    [one] Withdraw my signature
   *[other] Withdraw my { $count } signatures
}
portal-back-to-list = Back to my signatures
portal-export-left-out = Not included: the hashes of link tokens, and the keyed hash of the network address a signature was sent from. They only let this site check its links and slow down floods; the network hash may be shared with other people using the same network.
flash-portal-withdrawn = Your signature is withdrawn, and the details you gave with it are deleted.
flash-portal-withdrawn-all = Your signatures are withdrawn, and the details you gave with them are deleted.
flash-portal-newsletter-saved = Your newsletter choice is saved.
