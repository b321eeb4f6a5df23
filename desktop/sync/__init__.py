"""Sync bundles between village and township workstations."""
