"""The PySide6 GUI: thin views over desktop.operations.casework and desktop.storage."""
