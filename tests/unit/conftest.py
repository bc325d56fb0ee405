import pytest

from build_tools._region_data import RegionSet, region_set
from calculator import HolidayTable

#: The years the hand-checked tests need: fixed, so they hold whatever year the build is in.
TEST_YEARS = (2025, 2028)


@pytest.fixture(scope="session")
def region_data() -> RegionSet:
    """The build's region data for fixed years, every region (generated once into the build's cache)."""
    return region_set(*TEST_YEARS)


@pytest.fixture(scope="session")
def table(region_data: RegionSet) -> HolidayTable:
    """The region data for fixed years, as the command line and the build read it."""
    return HolidayTable.from_directory(region_data.directory)
