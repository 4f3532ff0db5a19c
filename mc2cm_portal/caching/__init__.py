"""Keeping rendered pages, fragments and lookups between requests, and emptying them
when content changes."""
