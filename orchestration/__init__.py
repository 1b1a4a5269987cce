"""Dagster wiring of storyhouse: assets, checks, resources and the command line."""
