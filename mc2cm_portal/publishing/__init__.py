"""What the portal publishes beyond its pages: SEO and feeds, the open data API and
CSV, PDFs, the public address and redirects for moved pages."""
