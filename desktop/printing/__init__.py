"""reportlab documents (notices, forms, registers)."""
