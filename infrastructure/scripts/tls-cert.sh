#!/usr/bin/env bash
# tls-cert.sh — the web-ui's TLS certificate: infrastructure/volumes/tls/cert.pem and key.pem.
#
#   infrastructure/scripts/tls-cert.sh
#
# A pair that is there (yours) is used as it is, once checked: both PEM, the key the certificate's, not expired.
# When there is none, it makes a self-signed one with openssl (EC P-256, 825 days, for localhost, 127.0.0.1, ::1
# and this host's name) and says how to trust it. Either way the key is made readable by group 33 (the web-ui's
# nginx runs as www-data, uid and gid 33) and by no one else. up.sh and the checkpoint suites run it.
set -euo pipefail
# shellcheck source=stack-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack-env.sh"
SELF=tls-cert.sh
say() { printf '%s%s:%s %s\n' "$BOLD" "$SELF" "$RESET" "$*" >&2; }
die() { printf '%s%s: %s%s\n' "$RED" "$SELF" "$*" "$RESET" >&2; exit 1; }

TLS_DIR="$INFRA_DIR/volumes/tls"
cert="$TLS_DIR/cert.pem"
key="$TLS_DIR/key.pem"
WEB_UI_GID=33

if ! command -v openssl >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing openssl (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null || die "installing openssl failed; install it and run again"
  else
    die "openssl is needed to check or make the web-ui's certificate; install it (Debian: apt-get install openssl)"
  fi
fi

mkdir -p "$TLS_DIR"
if [ -f "$cert" ] && [ -f "$key" ]; then
  openssl x509 -in "$cert" -noout 2>/dev/null || die "$cert is not a PEM certificate"
  key_public=$(openssl pkey -in "$key" -pubout 2>/dev/null) || die "$key is not a PEM private key (an encrypted key needs its passphrase removed)"
  [ "$(openssl x509 -in "$cert" -noout -pubkey)" = "$key_public" ] || die "$key is not the key of $cert"
  openssl x509 -in "$cert" -noout -checkend 0 >/dev/null || die "$cert expired on $(openssl x509 -in "$cert" -noout -enddate | cut -d= -f2); renew it (or remove both files to get a new self-signed pair)"
elif [ -f "$cert" ] || [ -f "$key" ]; then
  die "$TLS_DIR holds only $(basename "$( [ -f "$cert" ] && echo "$cert" || echo "$key")"); put both cert.pem and key.pem there, or neither for a self-signed pair"
else
  names="DNS:localhost,IP:127.0.0.1,IP:::1" shown="localhost, 127.0.0.1, ::1"
  host=$(hostname 2>/dev/null || true)
  if [[ -n $host && $host != localhost ]]; then names="$names,DNS:$host" shown="$shown, $host"; fi
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
    -subj "/CN=NPS web-ui (self-signed)" -addext "subjectAltName=$names" \
    -keyout "$key" -out "$cert" 2>/dev/null || die "openssl could not make a certificate in $TLS_DIR"
  say "${YELLOW}made a self-signed certificate for $shown in infrastructure/volumes/tls (browsers warn until you trust it: see the README's HTTPS section)${RESET}"
fi
chmod 0644 "$cert"
if [ "$(stat -c %g "$key")" != "$WEB_UI_GID" ] || [ "$(stat -c %a "$key")" != 640 ]; then
  { chgrp "$WEB_UI_GID" "$key" && chmod 0640 "$key"; } 2>/dev/null \
    || die "cannot make $key readable by group $WEB_UI_GID (the web-ui's nginx); run: sudo chgrp $WEB_UI_GID $key && sudo chmod 640 $key"
fi
