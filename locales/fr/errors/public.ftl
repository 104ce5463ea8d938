## Form fields and their errors
form-has-errors = Merci de corriger ce qui suit :
# One line of that list: the field's label, then what is wrong with it.
error-summary-item = { $field } : { $message }
error-required = Ce champ est obligatoire.
error-too-long = C’est trop long.
error-invalid-characters = Ce champ contient des caractères non autorisés.
error-email-invalid = Ce n’est pas une adresse électronique valide, par exemple nom@exemple.org.
error-email-literal = Indiquez une adresse avec un nom de domaine, comme nom@exemple.org, pas l’adresse IP d’un serveur.
error-email-quoted = Indiquez cette adresse sans guillemets ni espaces, comme nom@exemple.org.
error-phone-invalid = Ce n’est pas un numéro de téléphone valide.

## Errors
error-title = Un problème est survenu
error-generic = La requête n’a pas pu aboutir.
error-not-found = Cette page n’existe pas, ou n’est plus publique.
error-too-large = Ce que vous avez envoyé est trop volumineux.
error-length-required = Un envoi de fichier doit annoncer sa taille : renvoyez-le depuis le formulaire.
error-forbidden = Vous n’avez pas le droit de faire cela.
error-bad-request = La requête n’a pas pu être comprise. Revenez en arrière et réessayez.
error-csrf = Ce formulaire a expiré. Revenez en arrière, rechargez la page et envoyez-le à nouveau.
error-origin = Ce formulaire a été envoyé depuis un autre site : il n’a donc pas été accepté. Si vous l’avez rempli ici, revenez en arrière, rechargez la page et envoyez-le à nouveau.
error-invalid = Certains champs ne sont pas valides.
error-internal = Une erreur est survenue de notre côté. Elle a été enregistrée ; merci de réessayer plus tard.
error-busy = Le serveur est occupé. Merci de réessayer.
error-overloaded = Beaucoup de monde utilise ce site en ce moment. Merci de réessayer dans quelques secondes.
error-instance-invalid = Indiquez le nom d’un serveur, comme mastodon.social.

# Signer au-delà d’un rythme, au plus un courriel par heure, et ce que confirme un lien.
error-challenge-needed = Beaucoup de signatures arrivent de votre connexion en ce moment. Pour montrer que vous êtes une personne, répondez à cette question ; ce que vous avez saisi est conservé.

## Mes signatures (/my-signatures) : la page où chaque signataire retrouve ses signatures
error-portal-no-newsletter = Cette pétition ne propose pas de lettre d’information.
error-report-reason = Choisissez l’un des motifs.
error-report-rate = Vous avez envoyé beaucoup de signalements aujourd’hui. Réessayez demain.
