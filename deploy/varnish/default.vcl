vcl 4.1;
# Varnish 7.1 in front of nginx (deploy/nginx/mc2cm.conf), which spreads requests over the
# gunicorn instances. Filled in with deploy/render.sh:
#   MC2CM_NGINX_HOST, MC2CM_NGINX_PORT  where nginx listens
#   MC2CM_PUBLIC_HOST                   the Host visitors send: DJANGO_PUBLIC_URL's host[:port]
#   MC2CM_PURGERS                       ACL entries allowed to ban, e.g. "10.0.0.0"/24;
#                                       (the app servers; loopback is always allowed)
#
# What is kept: anonymous GET and HEAD answers for the public host, per full address (the
# language is its first segment, /ar/ /fr/ /en/; for "/" and the API, per language asked
# for). Kept until the portal bans them (any publish, unpublish, move, snippet or document
# change: everything at once, the portal's "content version" design) or for an hour.
# Never kept: the admin, previews, documents, partners' pages, signed-in visitors, other
# methods, and any answer with Set-Cookie or Cache-Control private/no-store/no-cache.

import std;

backend nginx {
    .host = "${MC2CM_NGINX_HOST}";
    .port = "${MC2CM_NGINX_PORT}";
    .connect_timeout = 2s;
    # gunicorn gives up on a request after 30 s (scripts/serve.sh).
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
}

acl purgers {
    "127.0.0.1";
    "::1";
    ${MC2CM_PURGERS}
}

sub vcl_recv {
    # The purge contract. BAN / with X-Ban-Release: forget everything (sent by the portal
    # after each content change, once per Varnish). PURGE <address>: forget that address
    # in every language variant (what wagtail.contrib.frontend_cache's HTTP backend sends).
    if (req.method == "BAN" || req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            if (!req.http.X-Ban-Release) {
                return (synth(400, "BAN needs X-Ban-Release"));
            }
            # obj.* only, so the ban lurker clears memory in the background.
            if (std.ban("obj.status != 0")) {
                return (synth(200, "Banned"));
            }
        } else if (std.ban({"obj.http.X-Mc2cm-Url == ""} + req.url + {"""})) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST"
        && req.method != "PUT" && req.method != "PATCH" && req.method != "DELETE"
        && req.method != "OPTIONS") {
        return (synth(405, "Method not allowed"));
    }

    # Django never reads X-Forwarded-Host (USE_X_FORWARDED_HOST is off); nothing behind
    # Varnish should either.
    unset req.http.X-Forwarded-Host;
    set req.http.Host = std.tolower(regsub(req.http.Host, "\.$", ""));

    # One language per kept answer where the address does not say it ("/" redirects by
    # Accept-Language, the API answers in it): the first of ar/fr/en the browser names,
    # English otherwise, as Django's LANGUAGE_CODE. Django gets the same value.
    if (req.http.Accept-Language ~ "(?i)\b(ar|fr|en)\b") {
        set req.http.Accept-Language = std.tolower(
            regsub(req.http.Accept-Language, "(?i)^.*?\b(ar|fr|en)\b.*$", "\1"));
    } else {
        set req.http.Accept-Language = "en";
    }

    # Only the portal's own host is kept: another Host goes through to Django, which
    # refuses it with its 400 page (ALLOWED_HOSTS), and nothing it answers is stored.
    if (req.http.Host != "${MC2CM_PUBLIC_HOST}") {
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff screens and previews; documents (each download is permission-checked and
    # counted); partners' sign-in and list; page passwords; "this page as PDF" (a
    # restricted page's PDF asks for the same sign-in); the health probe.
    if (req.url ~ "^/(admin|django-admin|documents|health)(/|\?|$)"
        || req.url ~ "^/(ar|fr|en)/(partners|_util)/"
        || req.url ~ "^/(ar|fr|en)/pages/[0-9]+/pdf/") {
        return (pass);
    }
    # Signed-in visitors (Django's session cookie) and anyone holding a CSRF token (a
    # form was shown to them) get their own answer. Other cookies are dropped: no public
    # page depends on them, and the kept answer is the same for everyone.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    unset req.http.Cookie;
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.Host);
    # http and https answers differ (redirects, absolute links): never one for the other.
    hash_data(req.http.X-Forwarded-Proto);
    if (req.url !~ "^/(ar|fr|en)/") {
        hash_data(req.http.Accept-Language);
    }
    return (lookup);
}

sub vcl_backend_response {
    # Remembered with the object, for PURGE <address> bans (lurker-friendly: obj.* only).
    set beresp.http.X-Mc2cm-Url = bereq.url;
    # A stale answer may be served for a few seconds while a fresh one is fetched; a ban
    # removes objects outright, so content changes never wait for this.
    set beresp.grace = 10s;

    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*"
        || beresp.status >= 500) {
        # Remember for a minute not to wait for another visitor's identical request.
        set beresp.ttl = 60s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Pages say nothing about freshness (the portal bans on change): an hour. Static files
    # carry their own long max-age (whitenoise, fingerprinted names) and keep it.
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.ttl = 1h;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Mc2cm-Url;
    unset resp.http.X-Varnish;
    unset resp.http.Via;
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.http.Cache-Control = "no-store";
    synthetic(resp.reason + {"
"});
    return (deliver);
}
