"""Issue 14, whole: two app servers, nginx, Varnish, Redis, SeaweedFS and PostgreSQL."""
