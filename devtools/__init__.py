"""Tools for the people who write and run the site: commands, never part of a build."""
