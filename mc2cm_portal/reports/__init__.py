"""The staff reports in the admin: translation status and document downloads."""
