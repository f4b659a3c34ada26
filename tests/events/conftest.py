import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

WARSAW = ZoneInfo("Europe/Warsaw")
# Monday 1 June 2026, 9:00 in Tarnów: the clock of every events test that does not set its own.
NOW = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=WARSAW)


@pytest.fixture
def clock(db):
    """The site's clock pinned at NOW (with the database); `clock.move_to(moment)` moves it."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
