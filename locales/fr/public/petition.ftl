## Petition page
progress-heading = Signatures recueillies
signature-count = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
}
goal-of = objectif : { $goal }
sign-heading = Signer cette pétition
sign-button = Signer
sign-privacy = Vos informations servent à compter et à confirmer votre signature, et les organisateur·ices de la pétition les voient ; votre adresse électronique n’est jamais affichée publiquement.
sign-closed = Cette pétition n’accepte plus de signatures.
back-to-petition = Retour à « { $title } »
# La page publique d’une pétition : progression et partage.
progress-text = { $count ->
        [one] { $count } signature
       *[other] { $count } signatures
    } sur { $goal }
goal-reached = Objectif de { $goal ->
        [one] { $goal } signature
       *[other] { $goal } signatures
    } atteint !
goal-raised = Le premier objectif de { $reached ->
        [one] { $reached } signature
       *[other] { $reached } signatures
    } est atteint. Nouvel objectif : { $goal }.
share-heading = Partager cette pétition
share-by-email = Partager par courriel
share-on-mastodon = Partager sur Mastodon
share-on-diaspora = Partager sur Diaspora
share-instance-mastodon = Votre instance Mastodon (par exemple mastodon.social)
share-instance-diaspora = Votre pod Diaspora (par exemple diasp.org)
share-instance-hint = Ce site ne vous envoie vers votre serveur que par le lien qu’il affiche ensuite, et ne charge rien depuis celui-ci.
share-leaving = Vous quittez ce site pour { $host }.
share-go = Continuer vers { $host }
share-leaving-hint = Vérifiez qu’il s’agit bien de votre serveur : son nom est écrit tel que votre navigateur l’atteindra.
share-continue = Continuer
share-link-label = Lien vers cette pétition
share-text = J’ai signé « { $title } ». Signerez-vous aussi ?
share-mail-subject = Pétition : { $title }
field-instance = Votre serveur
thanks-mailed-earlier = Un courriel de confirmation a déjà été envoyé à cette adresse pour cette pétition il y a moins d’une heure : aucun autre n’a été envoyé cette fois. Ouvrez le lien de ce courriel (regardez aussi dans vos indésirables).
confirm-details-heading = Vous confirmez
confirm-details-name = Nom
confirm-details-yes = Oui
confirm-details-wrong = Si ce ne sont pas les informations avec lesquelles vous avez signé, n’appuyez pas sur le bouton : ignorez cette page.

# Les questions du défi : plusieurs sortes, deux formulations chacune, nombres écrits en lettres.
challenge-sum-1 = Pour montrer que vous êtes une personne : combien font { $a } plus { $b } ?
challenge-sum-2 = Ajoutez { $a } et { $b }. Quel nombre obtenez-vous ?
challenge-difference-1 = Pour montrer que vous êtes une personne : combien font { $a } moins { $b } ?
challenge-difference-2 = Retirez { $b } de { $a }. Combien reste-t-il ?
challenge-largest-1 = Quel est le plus grand de ces nombres : { $a }, { $b }, { $c } ?
challenge-largest-2 = Parmi { $a }, { $b } et { $c }, quel nombre est le plus grand ?
challenge-letters-1 = Combien de lettres compte le mot « { $word } » ?
challenge-letters-2 = Comptez les lettres de « { $word } ». Combien y en a-t-il ?
challenge-nth-word-1 = Quel est le { $n ->
        [1] premier
        [2] deuxième
        [3] troisième
       *[4] quatrième
    } mot de « { $words } » ?
challenge-nth-word-2 = Dans « { $words } », quel mot vient en { $n ->
        [1] premier
        [2] deuxième
        [3] troisième
       *[4] quatrième
    } ?
challenge-digits-1 = Tapez ces chiffres comme un seul nombre : { $a }, { $b }, { $c }.
challenge-digits-2 = Écrivez { $a }, puis { $b }, puis { $c } en chiffres, sans espace.

## Conservation des données personnelles : le réglage de l’organisateur, la page publique, la page des signatures et les téléchargements.
retention-public-open = Les données personnelles des signataires sont effacées { $days ->
        [one] un jour
       *[other] { $days } jours
    } après la clôture de cette pétition.
retention-public-closed = Les données personnelles des signataires seront effacées le { $date }.
retention-public-erased = Les données personnelles des signataires ont été effacées le { $date }.

## The challenge on signing and registration forms: its label, and numbers named in words.
field-challenge = Vérification que vous êtes une personne
number-1 = un
number-2 = deux
number-3 = trois
number-4 = quatre
number-5 = cinq
number-6 = six
number-7 = sept
number-8 = huit
number-9 = neuf
number-10 = dix

# Les langues de la pétition elle-même (liste de liens au-dessus du texte).
petition-languages = Cette pétition dans d’autres langues

# Le texte d’à-côté de l’organisateur, sous celui de la pétition (nommé pour les lecteurs d’écran).
petition-side = En savoir plus sur cette pétition

# The progress component: what is still needed to reach the goal.
progress-needed = { $needed ->
        [one] Encore une signature pour atteindre { $goal }
       *[other] Encore { $needed } signatures pour atteindre { $goal }
    }
