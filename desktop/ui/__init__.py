"""The PySide6 GUI: thin views over desktop.casework and desktop.storage."""
