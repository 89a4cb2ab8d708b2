#!/usr/bin/env bash
# runtime-rootfs.sh ROOT PACKAGE... — the root file system of a FROM-scratch runtime image: the named Debian
# packages at their apt candidate versions (run `apt-get update` first; the sources hold bookworm, -updates and
# -security, so security versions win), unpacked without their maintainer scripts, plus what those scripts would
# have made that a service needs: the CA bundle, /etc/localtime, the os-release link. Users: root and nobody, and
# uid 1000 for the service, none with a shell (there is none). A dpkg status lists the packages, so scanners and
# check-patched.sh can read what the image holds. Run in the oracle.Dockerfile's runtime-rootfs stage.
set -euo pipefail
root=$1
shift
[ $# -gt 0 ] || { echo "runtime-rootfs.sh: name the packages" >&2; exit 1; }
debs=$(mktemp -d)
trap 'rm -rf "$debs"' EXIT
chmod 0755 "$debs"
(cd "$debs" && apt-get download -q -o APT::Sandbox::User=root "$@" >/dev/null)

rm -rf "$root"
mkdir -p "$root"/usr/{bin,sbin,lib,lib64} "$root"/var/lib/dpkg/info "$root"/etc "$root"/tmp
# Merged /usr, as in every bookworm image.
for folder in bin sbin lib lib64; do ln -s "usr/$folder" "$root/$folder"; done
: >"$root/var/lib/dpkg/status"
for deb in "$debs"/*.deb; do
  package=$(dpkg-deb -f "$deb" Package)
  # --keep-directory-symlink: a package's lib/ must land in usr/lib through the link, not replace it.
  dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink --no-same-owner -C "$root"
  { dpkg-deb -f "$deb" | sed '/^Package:/a Status: install ok installed'; echo; } >>"$root/var/lib/dpkg/status"
  dpkg-deb -c "$deb" | sed -E 's/^([^ ]+ +){5}//; s/ -> .*//; s|^\./?|/|; s|(.)/$|\1|; s|^/$|/.|' \
    >"$root/var/lib/dpkg/info/$package.list"
done

cd "$root"
# What the maintainer scripts would have made: base-files' os-release link, ca-certificates' bundle of every CA
# it ships, tzdata's /etc/localtime (UTC).
ln -sf ../usr/lib/os-release etc/os-release
if [ -d usr/share/ca-certificates ]; then
  mkdir -p etc/ssl/certs
  find usr/share/ca-certificates -name '*.crt' | LC_ALL=C sort | xargs awk 1 >etc/ssl/certs/ca-certificates.crt
fi
if [ -d usr/share/zoneinfo ]; then ln -sf /usr/share/zoneinfo/Etc/UTC etc/localtime && echo Etc/UTC >etc/timezone; fi
printf '%s\n' 'root:x:0:0:root:/root:/usr/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin' \
  'nps:x:1000:1000:nps:/app:/usr/sbin/nologin' >etc/passwd
printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' 'nps:x:1000:' >etc/group
printf '%s\n' 'hosts: files dns' 'passwd: files' 'group: files' >etc/nsswitch.conf
chmod 1777 tmp
# The Oracle's log and spool folders, its user's (a bind mount or volume over them keeps its own owner).
mkdir -p app/logs app/spool
chown 1000:1000 app/logs app/spool
