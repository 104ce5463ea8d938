error-newsletter-host-invalid = Give host names only, one per line, like lists.example.org.
error-newsletter-hosts-too-many = Give at most 50 hosts.
error-forward-url-invalid = This is not a valid web address, for example https://lists.example.org/subscribe (without a user name or password in it).
error-forward-https-required = The address must start with https://.
error-forward-host-not-allowed = This site does not allow sending subscribers to this host. Its administrators keep the list of allowed hosts.
error-forward-secret-required = Give the token or password.
error-forward-username-invalid = Give a user name, without a colon.
