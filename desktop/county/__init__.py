"""The county workstation (县民政局, issue 14): decides the cases townships refer to it."""
