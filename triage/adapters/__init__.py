"""Helpdesk adapters: webhook bodies from Zendesk, Freshdesk and Jira → the canonical :class:`~triage.schema.Ticket`.

``ADAPTERS`` maps each vendor's name to a ready instance (its default configuration); the service's
``POST /v1/webhooks/<name>`` route looks it up there. One module per vendor, each with its quirks written
where they are handled, and a page per vendor in docs/helpdesks/.
"""

from triage.adapters import freshdesk, jira, zendesk
from triage.adapters.base import ADAPTERS, Adapter, AdapterError, ReplayError, SignatureError
from triage.adapters.freshdesk import FreshdeskAdapter
from triage.adapters.jira import JiraAdapter
from triage.adapters.zendesk import ZendeskAdapter

__all__ = [
    "ADAPTERS",
    "Adapter",
    "AdapterError",
    "FreshdeskAdapter",
    "JiraAdapter",
    "ReplayError",
    "SignatureError",
    "ZendeskAdapter",
    "freshdesk",
    "jira",
    "zendesk",
]
