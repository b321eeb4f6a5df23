"""Relief Desk (民生救助工作台): the offline workstation of village livelihood officers."""

__version__ = "0.1.0"
