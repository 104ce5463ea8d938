# The delivery of a petition to an addressee.
mail-delivery-subject = { $count ->
    [one] Petition “{ $title }”: { $count } signature
   *[other] Petition “{ $title }”: { $count } signatures
}
mail-delivery-greeting = Dear { $name },
mail-delivery-intro = { $count ->
    [one] { $owner } delivers to you the petition “{ $title }”, signed by { $count } person.
   *[other] { $owner } delivers to you the petition “{ $title }”, signed by { $count } people.
}
mail-delivery-link = Its text, its signatures per day and the list of signatures to download or print are on this page:
mail-delivery-footer = You receive this message because the organisers of this petition named you as one of its addressees.
