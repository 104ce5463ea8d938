## My signatures (/my-signatures): the signer's own page of their signatures
mail-portal-subject = The link to your signatures
mail-portal-intro = You, or someone who knows your address, asked for the petitions this address signed on this site. Open this link to see them, withdraw them, or download everything stored about you:
mail-portal-valid = The link works for { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }. Whoever has it sees your signatures: do not forward this message.
mail-portal-ignore = If you did not ask for it, ignore this message: nothing changes.
