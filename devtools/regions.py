"""``python -m devtools.regions [--year YEAR]``: the region data a build in YEAR reads.

``make setup`` runs it, so a fresh clone's command line and tests find this year's region
data; a build makes the same set itself when it is missing (``build_tools._region_data``).
"""

from build_tools._region_data import main

if __name__ == "__main__":
    main()
