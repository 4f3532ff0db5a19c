"""The admin's forms: fields stored once per language, numbers typed in any script."""
