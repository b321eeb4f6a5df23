"""The public write operations that the GUI and the command line share: each validates
in the core's rule book and writes through one transaction of the store (casework,
notices, setting up a workstation; the township's decisions and filing are in
desktop/township)."""
