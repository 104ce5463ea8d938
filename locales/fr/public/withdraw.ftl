## remerciement et la page de confirmation, et les pages sous /withdraw/.
withdraw-title = Retirer votre signature
withdraw-signature-explain = La signature de { $email } sur cette pétition sera supprimée immédiatement, avec tout ce qui a été donné avec elle (nom, adresse et autres réponses). Elle ne sera plus comptée et rien n’en sera conservé.
withdraw-pending-explain = Ceci annule la signature envoyée depuis le formulaire qui a donné ce lien, tant qu’elle n’est pas confirmée : elle est supprimée immédiatement, avec les données personnelles fournies. Une signature déjà confirmée reste telle quelle : la personne qui l’a signée peut la retirer avec le lien de son courriel.
withdraw-button = Retirer ma signature
withdraw-pending-button = Annuler cette signature
withdraw-done = Votre signature est retirée : elle est supprimée, avec les données personnelles que vous aviez fournies, et la pétition ne la compte plus.
withdraw-pending-done = Plus aucune signature en attente de confirmation n’est conservée sous ce lien : ce qui a été envoyé avec lui, le cas échéant, est supprimé.
withdraw-unknown = Aucune signature n’est conservée sous ce lien. Elle a peut-être déjà été retirée, ou le lien n’a pas été copié en entier.
withdraw-petition-hidden = Cette pétition n’est plus visible du public.
thanks-withdraw = Envoyé par erreur, ou avec une adresse qui n’est pas la vôtre ?
thanks-withdraw-link = Annuler cette signature
confirm-withdraw = Vous avez changé d’avis ? Vous pouvez retirer votre signature à tout moment avec ce lien, qui figure aussi dans le courriel :
confirm-withdraw-link = Retirer ma signature
