"""Alembic environment of the feedback store; run it with :meth:`triage.feedback.FeedbackStore.upgrade`."""
