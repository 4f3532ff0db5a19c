"""Running the portal: backups, error pages and the health check, security headers."""
