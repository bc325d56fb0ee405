import pytest

from build_tools._holidays import dump_holiday_table, generate_holiday_table
from calculator import HolidayTable

#: The years the hand-checked tests need: fixed, so they hold whatever year the build is in.
TEST_YEARS = (2025, 2028)


@pytest.fixture(scope="session")
def table() -> HolidayTable:
    """A holiday table made by the build's generator for fixed years."""
    return HolidayTable.from_json(dump_holiday_table(generate_holiday_table(*TEST_YEARS)))
