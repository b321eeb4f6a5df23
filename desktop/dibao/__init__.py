"""低保 households in payment: who is paid each month, the township's roster, the
month's payment, the figures and the reviews due (issue 15)."""
