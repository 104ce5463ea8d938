#!/usr/bin/env bash
# A local-only Postfix for the benchmark's `postfix` scenario (README, "Benchmarks"): it listens
# on the loopback alone, takes mail from 127.0.0.1 only, and discards everything addressed to
# discard.rustition.test, so nothing ever leaves the machine. Installs Postfix when it is absent
# (as root); reconfigures an existing one, so run it on a test machine only.
set -euo pipefail
if ! command -v postfix >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then echo "Postfix is not installed and this is not root" >&2; exit 1; fi
  echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
  echo "postfix postfix/mailname string localhost" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null; }
fi
postconf -e inet_interfaces=loopback-only mynetworks=127.0.0.0/8 relayhost= \
  'transport_maps=inline:{ discard.rustition.test=discard: }' smtpd_tls_security_level=none
postfix check
if postfix status >/dev/null 2>&1; then postfix reload >/dev/null 2>&1; else postfix start >/dev/null 2>&1; fi
echo "Postfix on 127.0.0.1:25, discarding mail for discard.rustition.test"
