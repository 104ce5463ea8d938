error-newsletter-host-invalid = Indique solo nombres de host, uno por línea, como lists.example.org.
error-newsletter-hosts-too-many = Indique como máximo 50 hosts.
error-forward-url-invalid = Esta no es una dirección web válida, por ejemplo https://lists.example.org/subscribe (sin nombre de usuario ni contraseña).
error-forward-https-required = La dirección debe empezar por https://.
error-forward-host-not-allowed = Este sitio no permite enviar suscriptores a este host. Sus administradores mantienen la lista de hosts permitidos.
error-forward-secret-required = Indique el token o la contraseña.
error-forward-username-invalid = Indique un nombre de usuario, sin dos puntos.
