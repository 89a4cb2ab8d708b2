#!/usr/bin/env bash
# The web-ui's entrypoint: checks what nginx needs before it starts, so a mistake is one line naming it, then
# becomes nginx. NPS_HTTPS_PORT is the HTTPS port as the host publishes it (the compose file passes WEB_UI_PORT),
# which the plain-HTTP port redirects to.
set -euo pipefail
die() { printf 'web-ui: %s\n' "$*" >&2; exit 1; }

port=${NPS_HTTPS_PORT:-8443}
if ! [[ $port =~ ^[0-9]{1,5}$ ]] || ((port < 1 || port > 65535)); then
  die "NPS_HTTPS_PORT is '$port', not a port number (1-65535); set WEB_UI_PORT in infrastructure/.env"
fi
for file in /etc/nps-tls/cert.pem /etc/nps-tls/key.pem; do
  [ -r "$file" ] || die "$file is missing or not readable by uid $(id -u): put cert.pem and key.pem in infrastructure/volumes/tls (up.sh makes a self-signed pair), the key readable by gid 33"
done
mkdir -p /run/nginx /tmp/nginx
# shellcheck disable=SC2016 # $https_port is nginx's variable, written as it is
printf 'set $https_port %s;\n' "$port" >/run/nginx/https-port.conf
exec nginx -e stderr -g 'daemon off;'
