field-newsletter_hosts = Hosts newsletter subscribers may be sent to
settings-newsletter-hosts-hint = One host name per line (for example lists.example.org), matched exactly. Organisers may have their petitions’ confirmed newsletter subscribers sent to an https address on these hosts only.
