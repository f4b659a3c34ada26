import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The seed's nine posts and the text pages, indexed by the signals as they are saved."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
