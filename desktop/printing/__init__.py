"""Printed documents (reportlab): the notice sheets, the approval form, the register.
Each builder returns the PDF as bytes; output.save_document writes it."""
