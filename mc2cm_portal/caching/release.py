"""A name for the running code, part of every key the portal keeps in the cache (page_cache.py).

Cached pages, fragments and lookups are HTML and pickled objects made by one version of the
code; after a deploy they must never be served or unpickled by the next. The deploy may name
its release (``MC2CM_RELEASE``, e.g. the git commit); otherwise the code names itself: a
digest of the portal's own source and templates and of the installed packages' versions,
read once at start-up.
"""

import hashlib
from importlib import metadata
from pathlib import Path

SOURCE_FOLDERS = ("mc2cm_portal", "cities", "dialogue", "knowledge", "action", "templates")
SOURCE_SUFFIXES = (".py", ".html", ".txt", ".xml")


def code_digest(base_dir):
    digest = hashlib.sha256()
    for folder in SOURCE_FOLDERS:
        for path in sorted(Path(base_dir, folder).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(base_dir)).encode())
                digest.update(path.read_bytes())
    packages = sorted(f"{dist.name}=={dist.version}" for dist in metadata.distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:12]
