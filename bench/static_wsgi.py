"""The static limit: the portal's own HTML returned by the barest WSGI callable.

bench/run.py saves each measured page's HTML into BENCH_STATIC_DIR and serves this
callable under the same gunicorn, with the same workers and the same wrk load as the
portal, side by side: the portal's requests per second over this one's say how much of the
machine's best case a page reaches, whatever the machine. No Django, no middleware, no file
read per request: GET /<file name> answers the bytes read once at start-up.
"""

import os
from pathlib import Path

PAGES = {
    f"/{path.name}": path.read_bytes() for path in Path(os.environ["BENCH_STATIC_DIR"]).iterdir()
}


def application(environ, start_response):
    body = PAGES.get(environ["PATH_INFO"])
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Not found"]
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    start_response("200 OK", headers)
    return [body]
