## Une pétition sans compte (/new)
error-guest-petitions-off = Ce site ne propose pas de pétition sans compte. Connectez-vous ou créez un compte pour en lancer une.
