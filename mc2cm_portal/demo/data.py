"""The demo content, one TOML file per section of the site in ``content/``.

Every translatable value is a table ``{ar = ..., fr = ..., en = ...}``; each file's header
says where its facts come from, and every city figure names its own source.
"""

import tomllib
from pathlib import Path

CONTENT = Path(__file__).with_name("content")


def read_content(name):
    """The parsed ``content/<name>.toml``, e.g. ``read_content("cities")["cities"]``."""
    with (CONTENT / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)
