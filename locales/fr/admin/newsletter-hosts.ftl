field-newsletter_hosts = Hôtes auxquels les abonnés à une lettre d’information peuvent être envoyés
settings-newsletter-hosts-hint = Un nom d’hôte par ligne (par exemple lists.example.org), comparé à l’identique. Les organisateurs ne peuvent faire envoyer les abonnés confirmés de leurs pétitions qu’à une adresse https de ces hôtes.
