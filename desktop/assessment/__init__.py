"""目标管理考核 (issue 14, item 7): the month's raw figures at the township (township.py),
the ranked month as each workstation shows it (report.py, table.py), and publishing the
month and its 讲评 as records that travel up and down with the bundles (publish.py). The
items, their scoring and the records' checks are in core/assessment_items.py."""
