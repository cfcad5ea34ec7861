"""Reports for support managers: the escalation KPIs and the predicted-risk report."""
