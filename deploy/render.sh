#!/bin/sh
# Print a deploy/ file with its ${MC2CM_...} placeholders filled in from the environment, e.g.
#   MC2CM_NGINX_HOST=10.0.0.5 MC2CM_NGINX_PORT=8080 ... deploy/render.sh deploy/varnish/default.vcl
# Only those placeholders are replaced (nginx's own $host, $remote_addr ... stay as they are),
# and a placeholder without a value stops it. The tests render the files with this script too.
set -eu
if [ $# -ne 1 ]; then
    echo "usage: deploy/render.sh deploy/<file> > <installed file>" >&2
    exit 2
fi
placeholders=$(grep -o '\${MC2CM_[A-Z0-9_]*}' "$1" | sort -u)
for placeholder in $placeholders; do
    name=${placeholder#??}
    name=${name%?}
    eval "value=\${$name-unset-}"
    if [ "$value" = "unset-" ]; then
        echo "deploy/render.sh: $name is not set (needed by $1)" >&2
        exit 1
    fi
done
exec envsubst "$placeholders" <"$1"
