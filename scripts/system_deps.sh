#!/bin/sh
# Make sure the system programs the portal needs are present: gettext (compiling the
# translations) and, for the tests, PostgreSQL's server. As root they are installed with
# apt-get; otherwise the script says exactly what to install and stops.
set -e
need="$*"
missing=""
for item in $need; do
    case "$item" in
        gettext) command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext" ;;
        postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing="$missing postgresql" ;;
    esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "Missing system packages:$missing"
    echo "Install them first, e.g.: sudo apt-get install -y$missing"
    exit 1
fi
