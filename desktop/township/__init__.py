"""The township workstation (乡镇民政办, issue 5): its inbox of village bundles, the review
queue across villages with red flags, decisions, payment, the county filing register (备案)
and the monthly figures for the officers' assessment. Everything here is computed from
the event log's projections (applications, members, history, objections, notices) and the
sync tables (peers, bundles_received): the township keeps no state of its own."""
