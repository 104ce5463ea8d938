## Accounts
error-login-failed = Ce nom d’utilisateur ou ce mot de passe n’est pas le bon.
error-rate-limited = Trop de tentatives. Merci d’attendre une minute avant de réessayer.
error-password-short = Utilisez au moins 10 caractères.
error-name-short = C’est trop court.
error-name-characters = Utilisez seulement des lettres minuscules, des chiffres, « - » et « _ ».
error-name-reserved = Ce nom est réservé. Merci d’en choisir un autre.
error-username-taken = Ce nom d’utilisateur est déjà pris.
error-email-taken = Un compte utilise déjà cette adresse électronique.
error-email-same = C’est déjà l’adresse de votre compte.

## Registration and mailed account links
error-challenge-wrong = Ce n’est pas la bonne réponse. Voici une nouvelle question.
error-registration-closed = Cette instance n’accepte pas de nouveaux comptes.
error-link-invalid = Ce lien n’est pas valide : il a déjà servi ou a expiré. Demandez-en un nouveau.
error-login-unverified = Ce compte n’est pas encore activé : ouvrez le lien du message que nous vous avons envoyé.

## Account settings
error-password-wrong = Ce n’est pas votre mot de passe actuel.
error-delete-last-admin = Vous êtes la seule personne à pouvoir gérer les membres d’une organisation qui en compte d’autres. Donnez d’abord à l’un d’eux le droit de modifier les permissions.
error-login-suspended = Ce compte est suspendu par les modérateurs de ce site.
error-registration-invite-only = La création d'un compte demande l'invitation d'une organisation de cette instance.
