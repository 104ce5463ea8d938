## Una petición sin cuenta (/new)
error-guest-petitions-off = Este sitio no ofrece peticiones sin cuenta. Inicie sesión o cree una cuenta para iniciar una.
