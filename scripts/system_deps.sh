#!/bin/sh
# Make sure the system programs the portal needs are present: gettext (compiling the
# translations), Pango and the fonts WeasyPrint typesets the PDFs with (pdf), and, for the
# tests, PostgreSQL's server, Chromium with a font that renders Arabic (the browser tests),
# Redis (redis: the shared-cache tests), and nginx, Varnish and wrk (stack: the
# several-machines tests and bench). As root they are installed with apt-get; otherwise
# the script says exactly what to install and stops.
set -e
need="$*"
missing=""
arabic_font=""
for item in $need; do
    case "$item" in
        gettext) command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext" ;;
        postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing="$missing postgresql" ;;
        chromium)
            # Debian's Chromium, driven by Playwright (never `playwright install`).
            [ -x /usr/bin/chromium ] || missing="$missing chromium"
            # Without a font covering Arabic the Arabic pages render as empty boxes.
            fc-list :lang=ar 2>/dev/null | grep -q . || arabic_font="yes" ;;
        redis)
            # The shared cache of several app servers (REDIS_URL); the tests start their own.
            command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server" ;;
        pdf)
            # WeasyPrint lays text out with Pango (HarfBuzz shapes Arabic); static/css/pdf.css
            # names Amiri for Arabic and DejaVu Sans for Latin text.
            ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
            fc-list 2>/dev/null | grep -qi 'Amiri' || missing="$missing fonts-hosny-amiri"
            fc-list 2>/dev/null | grep -qi 'DejaVu Sans' || missing="$missing fonts-dejavu-core" ;;
        stack)
            # The several-machines proofs (tests/stack/) and `make bench-stack`: nginx and
            # Varnish in front of the gunicorn instances (deploy/), wrk to load them.
            [ -x /usr/sbin/nginx ] || missing="$missing nginx"
            [ -x /usr/sbin/varnishd ] || missing="$missing varnish"
            command -v wrk >/dev/null 2>&1 || missing="$missing wrk" ;;
    esac
done
[ -z "$missing" ] && [ -z "$arabic_font" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    if [ -n "$arabic_font" ]; then
        # Noto Naskh Arabic comes first in the stylesheet's Arabic fonts; DejaVu Sans is the
        # small fallback where fonts-noto-core is not available.
        if apt-cache policy fonts-noto-core 2>/dev/null | grep -q 'Candidate: [0-9]'; then
            missing="$missing fonts-noto-core"
        else
            missing="$missing fonts-dejavu-core"
        fi
    fi
    echo "Installing:$missing"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    [ -n "$arabic_font" ] && missing="$missing fonts-noto-core"
    echo "Missing system packages:$missing"
    echo "Install them first, e.g.: sudo apt-get install -y$missing"
    [ -n "$arabic_font" ] && echo "(fonts-dejavu-core also renders Arabic if fonts-noto-core is not available)"
    exit 1
fi
