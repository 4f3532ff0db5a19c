#!/bin/sh
# The portal in production (`make serve`): collect the static files, apply the migrations,
# then hand over to gunicorn. Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (and usually
# DATABASE_URL) in the environment; see the README, "Running for real".
#
# Chosen for a small server with 2 CPUs behind a reverse proxy (nginx, Caddy) that
# terminates TLS and buffers slow clients:
#   --workers 5              sync workers, gunicorn's 2 x CPUs + 1. Rendering a page is Python
#                            work (the GIL), so processes rather than threads; the extra ones
#                            keep both CPUs busy while others wait on PostgreSQL. About 100 MB
#                            each. Sync workers rely on the proxy for keep-alive and slow clients.
#   --timeout 30             a request stuck longer (a hung query) loses its worker, which is
#                            replaced; nothing the portal serves takes more than a second.
#   --max-requests 20000     recycle each worker now and then (with jitter, not all at once), so
#                            a slow memory growth can never take the server down. Not more
#                            often: a new worker spends seconds of CPU loading Django and
#                            Wagtail, and at 1,000 the page-cached load run recycled a worker
#                            every few seconds, queueing requests for seconds (p90 4.8 s).
#   --forwarded-allow-ips    trust X-Forwarded-* only from the proxy (same host by default).
#   --forwarder-headers ""   but never a SCRIPT_NAME or PATH_INFO header, even from the proxy
#                            (gunicorn's default takes them from it): the portal lives at "/",
#                            and a client's SCRIPT_NAME would rewrite every link of a page.
#   --access-logfile -       one line per request on stdout (client address as the proxy saw it,
#                            duration in ms); errors on stderr. The service manager keeps them.
# GUNICORN_WORKERS, BIND (or BIND_HOST and PORT) and FORWARDED_ALLOW_IPS override the
# defaults. SKIP_COLLECTSTATIC=1 when the static files were collected already (at image build time, or once for the tests):
# compressing Wagtail's admin assets with brotli takes most of a minute on 2 CPUs.
# SKIP_MIGRATE=1 when the migrations were applied once for the release (several instances
# starting together must not all migrate at once: deploy/systemd/mc2cm-portal@.service).
#
# With MC2CM_TASKS_WORKER=1 the portal queues its background work (search indexing, front
# cache bans, page PDFs) in the database: the django-tasks worker (`manage.py db_worker`)
# runs beside gunicorn, and stops with it. SKIP_WORKER=1 when it runs elsewhere
# (deploy/systemd/mc2cm-worker.service).
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-mc2cm_portal.settings.production}"

[ "${SKIP_COLLECTSTATIC:-0}" = "1" ] || "$PYTHON" manage.py collectstatic --noinput -v 0
[ "${SKIP_MIGRATE:-0}" = "1" ] || "$PYTHON" manage.py migrate --noinput -v 0

set -- "$PYTHON" -m gunicorn mc2cm_portal.wsgi:application \
    --bind "${BIND:-${BIND_HOST:-127.0.0.1}:${PORT:-8000}}" \
    --workers "${GUNICORN_WORKERS:-5}" \
    --timeout 30 \
    --graceful-timeout 30 \
    --max-requests 20000 \
    --max-requests-jitter 2000 \
    --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
    --forwarder-headers "" \
    --access-logfile - \
    --access-logformat '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"' \
    --error-logfile -

# The same spellings as the settings' env_bool.
case "$(printf %s "${MC2CM_TASKS_WORKER:-0}" | tr 'A-Z' 'a-z')" in
    1 | true | yes | on) tasks_worker=1 ;;
    *) tasks_worker=0 ;;
esac
if [ "$tasks_worker" = "0" ] || [ "${SKIP_WORKER:-0}" = "1" ]; then
    # This process becomes gunicorn's master: signals reach it directly.
    exec "$@"
fi

"$PYTHON" manage.py db_worker --no-reload &
worker=$!
"$@" &
gunicorn=$!
# SIGTERM (systemd, Ctrl+C, the tests) stops both: gunicorn finishes its requests, the
# worker its current task.
stop() {
    kill -TERM "$gunicorn" "$worker" 2>/dev/null || true
}
trap stop TERM INT HUP
# A signal interrupts `wait` at once: wait again until gunicorn has really finished, and
# keep its own exit status.
while :; do
    wait "$gunicorn" && status=0 || status=$?
    kill -0 "$gunicorn" 2>/dev/null || break
done
kill -TERM "$worker" 2>/dev/null || true
wait "$worker" || true
exit "$status"
