## Retirer une signature : le lien que donnent chaque courriel de confirmation, la page de
## remerciement et la page de confirmation, et les pages sous /withdraw/.

withdraw-title = Retirer votre signature
withdraw-signature-explain = La signature de { $email } sur cette pétition, et tout ce qui a été donné avec elle (nom, adresse et autres réponses), sera supprimée immédiatement. Elle ne sera plus comptée et rien n’en sera conservé.
withdraw-pending-explain = Ceci annule ce que le formulaire de la pétition a envoyé avec ce lien, tant que ce n’est pas confirmé : la signature en attente de confirmation, et les données personnelles données avec elle, sont supprimées immédiatement. Une signature déjà confirmée reste telle quelle : la personne qui l’a signée peut la retirer avec le lien de son courriel.
withdraw-button = Retirer ma signature
withdraw-pending-button = Annuler cette signature
withdraw-done = Votre signature est retirée : elle et les données personnelles que vous avez données avec elle sont supprimées, et la pétition ne la compte plus.
withdraw-pending-done = Plus aucune signature en attente de confirmation n’est conservée sous ce lien : ce qui a été envoyé avec lui, le cas échéant, est supprimé.
withdraw-unknown = Aucune signature n’est conservée sous ce lien. Elle a peut-être déjà été retirée, ou le lien n’a pas été copié en entier.
withdraw-petition-hidden = Cette pétition n’est plus visible du public.
thanks-withdraw = Envoyé par erreur, ou avec une adresse qui n’est pas la vôtre ?
thanks-withdraw-link = Annuler cette signature
confirm-withdraw = Vous avez changé d’avis ? Vous pouvez retirer votre signature à tout moment avec ce lien, qui figure aussi dans le courriel :
confirm-withdraw-link = Retirer ma signature
mail-withdraw-action = Pour retirer votre signature à tout moment, et effacer ce que vous avez donné avec elle, ouvrez ce lien :
