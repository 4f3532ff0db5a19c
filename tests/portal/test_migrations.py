import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_migrations_are_in_step_with_the_models():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Models have changes without a migration:\n{out.getvalue()}")
