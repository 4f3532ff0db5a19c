from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and the well-known development accounts.

    Installed by the dev and test settings only: production has neither the commands nor
    the data (tests/test_demo_content.py checks it).
    """

    name = "mc2cm_portal.demo"
    label = "demo"
