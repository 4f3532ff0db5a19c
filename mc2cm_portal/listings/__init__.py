"""Lists visitors browse: filters, the order of names, the map's projection."""
