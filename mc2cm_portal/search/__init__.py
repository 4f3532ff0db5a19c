"""Site search: the entries indexed per language, spelling folding and the search page."""
