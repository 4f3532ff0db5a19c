"""Start-up checks (Django's system check framework) for running on several app servers.

With MC2CM_INSTANCES above 1, each server must see what the others wrote: a cache in a
folder or in the process's memory is one machine's (the others would keep serving pages a
publish made stale there), and uploads in a local folder are on the machine that received
them only. Warnings rather than errors: two instances on one machine (the bench, a restart
without downtime) share a folder cache and a media folder correctly.
"""

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, storages
from django.utils.module_loading import import_string

MACHINE_BOUND_CACHES = (
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.locmem.LocMemCache",
)


def _machine_bound_cache(alias):
    backend = import_string(settings.CACHES[alias]["BACKEND"])
    return any(issubclass(backend, import_string(bound)) for bound in MACHINE_BOUND_CACHES)


@checks.register(checks.Tags.caches, deploy=False)
def check_shared_by_every_instance(app_configs, **kwargs):
    if getattr(settings, "MC2CM_INSTANCES", 1) <= 1:
        return []
    warnings = []
    for alias in ("default", "renditions"):
        if alias in settings.CACHES and _machine_bound_cache(alias):
            warnings.append(
                checks.Warning(
                    f"The '{alias}' cache is kept on this machine only, but MC2CM_INSTANCES "
                    f"is {settings.MC2CM_INSTANCES}.",
                    hint="Set REDIS_URL so that every app server shares one cache; otherwise a "
                    "publish on one server leaves the others serving stale pages.",
                    id="mc2cm.W001",
                )
            )
    if isinstance(storages["default"], FileSystemStorage):
        warnings.append(
            checks.Warning(
                f"Uploaded files are kept in a folder of this machine ({settings.MEDIA_ROOT}), "
                f"but MC2CM_INSTANCES is {settings.MC2CM_INSTANCES}.",
                hint="Set the S3_* variables so that every app server reads and writes the same "
                "object store; otherwise a file uploaded through one server is missing on the "
                "others.",
                id="mc2cm.W002",
            )
        )
    return warnings
