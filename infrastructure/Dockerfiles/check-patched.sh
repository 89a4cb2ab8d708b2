#!/usr/bin/env bash
# check-patched.sh STATUS [SECURITY_URI] — exit 1, listing them, when a package of the dpkg status file STATUS has a
# newer version in Debian's bookworm-security suite; 2 when the suite's package list could not be fetched (an
# unreachable mirror is only a warning to apt, which would otherwise pass) or apt cannot read the status; 0 when
# none is pending. SECURITY_URI is
# the security mirror (default: the one this machine's apt sources name, else deb.debian.org). Its apt state
# lives in a temporary folder: only the security suite is asked, and nothing of this machine's apt is touched.
# Needs apt and debian-archive-keyring (any bookworm image has both). Run at image build time (oracle.Dockerfile)
# and by the Security suite's SEC.patched on the built images.
set -euo pipefail
status=$1
uri=${2:-$(awk '/^URIs:/ { uri = $2 } /^Suites:.*-security/ { print uri; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)}
uri=${uri:-http://deb.debian.org/debian-security}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/sources.list.d"
printf '%s\n' 'Types: deb' "URIs: $uri" 'Suites: bookworm-security' 'Components: main' \
  'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' >"$work/sources.list.d/security.sources"
# A minimal image leaves out dependencies only maintainer scripts use (openssl, debconf): apt refuses a status with
# unmet dependencies, so the copy it reads gets one stub that provides them (the image never holds it).
{
  cat "$status"
  echo
  printf '%s\n' 'Package: zz-omitted-dependencies' 'Status: install ok installed' 'Version: 1' 'Architecture: all' \
    'Maintainer: none' 'Provides: openssl (= 99), debconf (= 99), debconf-2.0, awk' 'Description: stub'
} | cat -s >"$work/status"
options=(-o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o Dir::State::status="$work/status"
  -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$work/sources.list.d" -o Debug::NoLocking=1
  -o APT::Sandbox::User=root)
apt-get -q "${options[@]}" update >/dev/null
compgen -G "$work/lists/*bookworm-security*_Packages*" >/dev/null \
  || { echo "check-patched.sh: no bookworm-security package list from $uri" >&2; exit 2; }
# dist-upgrade: a security version needing a new package would be "kept back" by upgrade. Only upgrades of what is
# installed count ("Inst pkg [old] (new …)"); the Essential packages an image leaves out are not pending updates.
# apt refusing the status (unmet dependencies, say) must not read as "nothing pending".
simulation=$(apt-get -s "${options[@]}" dist-upgrade 2>&1) \
  || { echo "check-patched.sh: apt could not simulate the upgrade of $status:" >&2; echo "$simulation" >&2; exit 2; }
pending=$(grep -E '^Inst [^ ]+ \[' <<<"$simulation" || true)
installed=$(grep -c '^Package:' "$status")
if [ -n "$pending" ]; then
  echo "check-patched.sh: $(wc -l <<<"$pending") of $installed packages have a pending security update ($uri bookworm-security):"
  echo "$pending"
  exit 1
fi
echo "check-patched.sh: no pending security update among $installed packages ($uri bookworm-security)"
