"""Synthetic data: the demo village (village.py, with data.py, names.py and documents.py),
the training set of four real, enrolled workstations (training.py), and the county-scale
generator for the benchmark (scale.py)."""
