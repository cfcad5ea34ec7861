"""The embedded demo history: synthetic, labelled support tickets drawn from a documented latent model.

A newcomer's first model trains on this data and the KPI notebooks show it, so it is built to behave like a
real helpdesk export rather than a handful of templates. Everything is drawn from one ``random.Random(seed)``
(no global state, no ``hash()``, no clock), so the same seed gives the same bytes.

The world
---------
A fictional vendor with seven product lines (SaaS, e-commerce, telecom, fintech, healthcare software,
logistics, hosting). Customers are people at accounts; accounts repeat across tickets (heavy-tailed ticket
volume per account, larger plans write more). Plans by account: free 30%, basic 30%, pro 27%, enterprise
13%. ``annual_contract_value`` (USD) is 0 on free and lognormal otherwise, medians basic 600, pro 6,000,
enterprise 90,000 (sigma 0.6 / 0.8 / 1.0). ``strategic`` is rare (about 3% of accounts) and mostly large
enterprise accounts. Like a real helpdesk, the ticket does not always know the account: 15% of accounts
have no contract value on record (the CRM is not synced) and 10% nothing at all (unknown senders: no plan,
no value, not strategic); the latent model uses the true values. ``created_at`` spans 2025-12-01 ..
2026-11-30 with a mild upward trend, holiday dips, weekends at about a third of a weekday, and a
business-hours peak (UTC).

Latent model (per ticket)
-------------------------
1. Triggers, multi-label, each with a severity 1-3 (0 absent); base rates technical 0.35, financial 0.25,
   legal 0.08, times a product-line factor (legal x1.9 in healthcare, financial x1.3 in e-commerce, ...).
   Technical: 1 minor bug or slowness, 2 outage / integration or API errors, 3 data loss, corruption or a
   security flaw. Financial: 1 billing dispute, 2 material refund or chargeback, 3 cancellation or
   non-renewal threat (likelier on high-value accounts). Legal: 1 privacy request, 2 breach, regulator,
   SLA-penalty, accessibility, fraud or copyright claim, 3 lawyers, lawsuit or class action.
2. Prior contacts k (customer turns already in ``history``; exponential, longer for triggered tickets) and
   failed troubleshooting attempts (agent steps in the history that the next customer turn, or the current
   message, says did not work; only on technical or financial tickets, at most k).
3. Frustration 0-3 = temperament (standard normal) + 0.55 k + 0.6 failed + 0.15 max severity, cut at
   0.3 / 1.1 / 1.85. Tone is mostly temperament, so calm customers have high stakes and furious customers
   trivial problems.
4. Escalation: ``p = sigmoid(score)``, where ``score`` is ``ESCALATION_INTERCEPT`` plus
   ``SEVERITY_WEIGHT[trigger][severity]`` summed over triggers plus ``ESCALATION_WEIGHTS`` times
   ln(1 + ACV/1000), strategic, k, failed attempts and frustration, plus, for a cancellation threat,
   ``THREAT_WEIGHT_PER_LOG_ACV`` x ln(1 + ACV/1000) (the constants below). The weights follow our labelling
   guide: an outage, data loss, a dispute, a privacy request or a legal threat goes up on any account
   (p ~0.7-0.95 on first contact), a minor fault or a threat from a small account mostly does not.
   ``true_escalation_probability`` is p; the latent outcome is Bernoulli(p).
5. Tier for escalated tickets: 4 executive (strategic account with a serious legal, financial or data issue,
   a >= $250k account with a serious issue or repeated failures, or a lawsuit on a >= $100k account),
   3 management (legal severity >= 2, technical severity 3, refund or threat on a >= $50k account, two
   failed attempts over three contacts), else 2; the lead disagrees by one tier about 12% of the time.
   ``escalation_level_reached`` = tier.
6. Team: ``frontline`` exactly for tier 1; otherwise the best-scoring of technical / billing /
   account_management (threats, high-value accounts, escalations without a trigger) / legal_compliance,
   with Gaussian jitter.
7. Resolution hours are lognormal around ``TIER_MEDIAN_HOURS`` times a team factor (``TEAM_HOURS_FACTOR``),
   sigma 1.1 for tier 1 and 0.9 otherwise.
8. ``first_contact_resolution``: only first-contact, non-escalated, never-reopened tickets, 85% of those.
   ``reopen_count`` ~ Poisson(0.06 + 0.15 escalated + 0.12 failed).
9. CSAT: 70% of customers answer the survey (the rest have no ``csat``); score = round(4.95 - 0.4
   frustration - 0.5 escalated - 0.3 ln(1 + hours/24) - 0.45 reopens - 0.15 k + N(0, 0.9)), clipped to 1-5.

Resulting marginals (``TARGET_MARGINALS`` and ``TARGET_RESOLUTION_HOURS``, checked by tests/test_demo.py;
measured on 20,000 tickets): trigger labels technical 35%, financial 25%, legal 9%, none 44%; escalated
46%; among escalated, tier 2 71%, tier 3 25%, tier 4 4%; frustration 0/1/2/3 = 48/26/15/11%; CSAT mean
3.94 with 5 the most common answer (~37%) and 1 rare (~2%); first-contact resolution ~38%; median / p90
resolution hours by tier 5/21, 32/108, 87/286, 152/458. The oracle AUC of ``true_escalation_probability``
against the noisy ``escalated`` labels is about 0.90.

Label noise (applied after the latent draws; ``true_escalation_probability`` is before it)
-----------------------------------------------------------------------------------------------
- 5% of ``escalated`` labels are flipped; tier and team follow the flipped label (a flip to escalated goes
  to tier 2; a flip to not escalated goes to tier 1, frontline).
- each present trigger is left out of ``triggers`` with probability 0.05, and each absent one is added
  with probability 0.01.
- 5% of ``frustration`` labels move one level up or down (clipped to 0-3).

The text
--------
The customer's words carry the latent state with realistic ambiguity: triggers in compositional phrases
(slot x alternatives, optional clauses, error codes and log lines, order and invoice numbers, implicit
phrasings), frustration in the register (polite, anxious, curt, sarcastic, furious), repeated contact in
phrases like "third time I'm writing", failed troubleshooting in the history turns and the current message.
Misleading keywords ("legal pad", "cancel the meeting", "I refunded my customer", "charge my phone") appear
in tickets that do not have that trigger. A ticket keeps one description of its problem across the history
and the current message, and mild annoyance is often left unstated (``EMOTION_UNSTATED``). Typos,
non-native phrasing, casing noise, signatures, confidentiality footers and quoted earlier replies vary the
surface; phone tickets are call transcripts, social ones short public posts, api ones come from the
customer's own helpdesk tool. Companies, people, brands and phrases are all made up for this module.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import TypeVar

from triage.schema import LabelledTicket

START = datetime(2025, 12, 1, tzinfo=UTC)
DAYS = 365
PROGRESS_EVERY = 500

ESCALATION_FLIP_RATE = 0.05
TRIGGER_DROP_RATE = 0.05
TRIGGER_ADD_RATE = 0.01
FRUSTRATION_NOISE_RATE = 0.05
CSAT_RESPONSE_RATE = 0.70

# Latent-model weights (documented in the module docstring).
TRIGGER_BASE_RATE = {"technical": 0.35, "financial": 0.25, "legal": 0.08}
# Severity weights follow our labelling guide (docs/labelling.md): system failures, data loss, disputes that
# need an investigation, privacy requests and legal threats go up whatever the account's size; a minor
# single-user fault mostly does not; a cancellation threat goes up by the revenue at stake
# (THREAT_WEIGHT_PER_LOG_ACV, on top of the financial weight for level 3).
SEVERITY_WEIGHT = {
    "technical": (0.0, 1.9, 4.4, 5.8),
    "financial": (0.0, 3.2, 4.2, 1.4),
    "legal": (0.0, 3.9, 5.5, 6.8),
}
THREAT_WEIGHT_PER_LOG_ACV = 0.6
# How strongly each trigger's severity pulls an escalated ticket to its team (``_team``).
TEAM_SEVERITY_PULL = {
    "technical": (0.0, 1.25, 2.65, 4.2),
    "financial": (0.0, 1.0, 2.1, 3.35),
    "legal": (0.0, 1.7, 3.5, 5.0),
}
ESCALATION_INTERCEPT = -4.0
ESCALATION_WEIGHTS = {
    "log_acv": 0.3,
    "strategic": 1.7,
    "prior_contacts": 0.6,
    "failed_attempts": 1.1,
    "frustration": 0.35,
}
# Shares of accounts whose helpdesk record has everything, the plan but no contract value, or nothing.
ACCOUNT_DATA_RECORDED = (0.75, 0.15, 0.10)
TIER_MEDIAN_HOURS = {1: 5.0, 2: 30.0, 3: 70.0, 4: 120.0}
TEAM_HOURS_FACTOR = {"technical": 1.2, "billing": 0.8, "legal_compliance": 1.5}

# What the latent model produces (see the module docstring); tests/test_demo.py checks these.
TARGET_MARGINALS = {
    "technical": 0.35,
    "financial": 0.25,
    "legal": 0.09,
    "no_trigger": 0.44,  # shares of trigger labels
    "escalated": 0.46,
    "tier_2_of_escalated": 0.71,
    "tier_3_of_escalated": 0.25,
    "tier_4_of_escalated": 0.04,
    "frustration_0": 0.48,
    "frustration_3": 0.11,
    "csat_mean": 3.94,
    "csat_response": CSAT_RESPONSE_RATE,
    "first_contact_resolution": 0.38,
}
# Median and p90 resolution hours by tier.
TARGET_RESOLUTION_HOURS = {1: (5.0, 21.0), 2: (32.0, 108.0), 3: (87.0, 286.0), 4: (152.0, 458.0)}

Bank = tuple[str, ...]
T = TypeVar("T")


def _pick(rng: random.Random, options: Sequence[T]) -> T:
    # Faster than rng.choice and, like it, stable across Python versions for a given seed.
    return options[int(rng.random() * len(options))]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# ----------------------------------------------------------------------------------------------------------
# Product lines
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """One product line of the fictional vendor: what breaks, what customers call things, how refs look."""

    name: str
    brand: str
    products: Bank
    components: Bank
    objects: Bank  # the customer's data that can be lost or exposed
    errors: Bank
    actions: Bank  # what the customer was doing when it failed
    business: Bank  # what the customer cannot do while it is broken
    minor: Bank  # small bugs that only make sense for this line's products
    ref_kind: str
    howtos: Bank
    requests: Bank  # routine asks specific to the line
    tags: Bank
    weights: tuple[float, float, float]  # multipliers on the technical / financial / legal base rates
    consumer_share: float  # share of free/basic accounts that are private persons


LINES: tuple[_Line, ...] = (
    _Line(
        name="saas",
        brand="Quillstack",
        products=("Analytics Cloud", "Team Workspace", "Sales CRM", "Forms Builder"),
        components=(
            "the dashboard",
            "the reporting module",
            "SSO login",
            "the Salesforce sync",
            "the REST API",
            "the scheduled export",
            "the mobile app",
            "the permissions page",
            "the notification service",
            "the Slack integration",
            "the report builder",
        ),
        objects=("reports", "contacts", "dashboards", "deals", "form submissions", "user accounts"),
        errors=(
            "HTTP 500 Internal Server Error",
            "502 Bad Gateway",
            "ERR_SYNC_TIMEOUT",
            "401 invalid_token",
            "E-4012 quota exceeded",
            "SAML assertion invalid",
            "429 Too Many Requests",
        ),
        actions=(
            "save a report",
            "open a dashboard",
            "export to CSV",
            "sign in with SSO",
            "call /v2/contacts",
            "share a workspace",
        ),
        business=(
            "send our weekly board report",
            "onboard new hires",
            "close the month",
            "run our sales pipeline review",
        ),
        minor=(
            "the save button in the report builder does nothing",
            "CSV exports mangle names with accents",
            "the dashboard shows times in the wrong time zone",
            "search misses contacts that exist",
            "the permissions page forgets my filter",
        ),
        ref_kind="invoice",
        howtos=(
            "export a dashboard to PDF",
            "change the owner of a workspace",
            "set up two-factor authentication",
            "rename a custom field",
            "schedule a report for Mondays",
            "add a guest user",
        ),
        requests=(
            "can we get dark mode in the report builder?",
            "is bulk editing of contacts on the roadmap?",
            "could you add a Gantt view to Team Workspace?",
        ),
        tags=("dashboard", "api", "sso", "integrations", "mobile", "reporting"),
        weights=(1.15, 0.9, 0.8),
        consumer_share=0.05,
    ),
    _Line(
        name="ecommerce",
        brand="Basketry",
        products=("Basketry Marketplace", "Seller Hub", "Basketry Plus"),
        components=(
            "the checkout",
            "the seller dashboard",
            "order tracking",
            "the payment page",
            "the returns portal",
            "the app",
            "the listing editor",
            "the inventory sync",
        ),
        objects=("orders", "product listings", "customer reviews", "saved addresses", "payouts"),
        errors=(
            '"Payment declined - code 05"',
            "HTTP 503",
            '"Something went wrong (E1207)"',
            "CHECKOUT_SESSION_EXPIRED",
            '"Listing rejected: error L-33"',
        ),
        actions=("place an order", "apply a coupon", "upload listings", "print a shipping label", "start a return"),
        business=("ship any orders", "take payments", "list new stock", "process returns"),
        minor=(
            "the coupon field rejects codes on the first try",
            "product photos load in the wrong order",
            "the order confirmation email arrives twice",
            "the app looks broken on my tablet",
        ),
        ref_kind="order",
        howtos=(
            "change the delivery address on an order",
            "return an item",
            "add a gift note",
            "update my payout bank account",
            "use a gift card at checkout",
        ),
        requests=(
            "where is my order {ref}? the tracking hasn't moved since {since}.",
            "can I change the size on order {ref}?",
            "can I get order {ref} delivered to a pickup point?",
        ),
        tags=("orders", "checkout", "returns", "delivery", "seller", "payments"),
        weights=(0.75, 1.3, 0.8),
        consumer_share=0.8,
    ),
    _Line(
        name="telecom",
        brand="Telvora",
        products=("Fiber Home", "Mobile Unlimited", "Business VoIP", "Telvora TV"),
        components=(
            "my fiber connection",
            "the mobile data",
            "our VoIP service",
            "the router",
            "the eSIM activation",
            "call forwarding",
            "the self-service app",
            "international roaming",
        ),
        objects=("call recordings", "voicemails", "phone numbers", "contacts"),
        errors=(
            '"SIP 503 Service Unavailable"',
            '"No service"',
            '"PDP authentication failure"',
            '"LOS alarm"',
            "error 651",
            '"Registration failed (403)"',
        ),
        actions=("make an outbound call", "connect to wifi", "activate the eSIM", "stream anything"),
        business=("take customer calls", "work from home", "run the call centre"),
        minor=(
            "the wifi drops for a few seconds every hour",
            "call quality gets choppy in the evenings",
            "the app shows last month's data usage",
            "the TV guide is a day behind",
        ),
        ref_kind="account",
        howtos=(
            "set up voicemail",
            "activate roaming for a trip",
            "change my wifi password",
            "port my number from another carrier",
            "add a line for my daughter",
        ),
        requests=(
            "my new SIM hasn't arrived yet, when should I expect it?",
            "can I move my installation appointment to next {weekday}?",
        ),
        tags=("connectivity", "mobile", "voip", "router", "roaming"),
        weights=(1.0, 1.2, 0.7),
        consumer_share=0.7,
    ),
    _Line(
        name="fintech",
        brand="Ledgerline",
        products=("Payments API", "Business Card", "Payroll", "Invoicing"),
        components=(
            "the Payments API",
            "card authorisation",
            "the payout service",
            "the payroll run",
            "the bank feed",
            "the invoicing module",
            "3-D Secure",
            "the reconciliation report",
        ),
        objects=("transactions", "payouts", "payslips", "invoices", "bank statements"),
        errors=(
            "HTTP 500",
            "card_declined (do_not_honor)",
            '"idempotency_key_reused"',
            "PAYOUT_FAILED R03",
            '"Webhook signature verification failed"',
        ),
        actions=("create a payment intent", "run payroll", "issue a virtual card", "sync the bank feed"),
        business=("pay our staff", "accept card payments", "reconcile the books", "pay suppliers"),
        minor=(
            "the reconciliation report is off by a few cents",
            "card notifications arrive twice",
            "the statement export uses the wrong date format",
            "the bank feed lags by a day",
        ),
        ref_kind="invoice",
        howtos=(
            "download last year's statements",
            "add a second approver for payouts",
            "freeze a lost card",
            "change the payout schedule",
            "export transactions for our accountant",
        ),
        requests=("can we raise the spending limit on our team cards?", "is there a way to tag expenses by project?"),
        tags=("api", "payouts", "cards", "payroll", "reconciliation"),
        weights=(1.0, 1.25, 1.4),
        consumer_share=0.2,
    ),
    _Line(
        name="healthcare",
        brand="Clinora",
        products=("Patient Portal", "EHR Connect", "Telehealth Scheduler", "e-Prescribe"),
        components=(
            "the patient portal",
            "the appointment reminder service",
            "the HL7 interface",
            "the video visit room",
            "lab result import",
            "the e-prescribing module",
            "the scheduling calendar",
        ),
        objects=("patient records", "appointments", "lab results", "prescriptions", "clinical notes"),
        errors=(
            '"HL7 ACK AE - segment PID invalid"',
            "HTTP 500",
            '"Session expired (code 440)"',
            '"FHIR 422 Unprocessable Entity"',
            '"Video room unavailable (VR-9)"',
        ),
        actions=("book an appointment", "start a video visit", "send a prescription", "import lab results"),
        business=("see patients", "send prescriptions to pharmacies", "run the morning clinic"),
        minor=(
            "reminder texts show the wrong time zone",
            "the calendar forgets my view settings",
            "visit summaries print with the header cut off",
            "the portal logo is blurry",
        ),
        ref_kind="invoice",
        howtos=(
            "add a new clinician",
            "change the reminder text",
            "set our clinic opening hours",
            "merge duplicate patient profiles",
            "print a visit summary",
        ),
        requests=(
            "can patients reschedule themselves from the reminder text?",
            "could the calendar show two clinics side by side?",
        ),
        tags=("portal", "hl7", "telehealth", "scheduling", "prescribing"),
        weights=(1.0, 0.75, 1.9),
        consumer_share=0.1,
    ),
    _Line(
        name="logistics",
        brand="Haulwise",
        products=("Freight Tracking", "Warehouse Manager", "Last-Mile Routing"),
        components=(
            "shipment tracking",
            "the carrier API",
            "label printing",
            "the route planner",
            "the barcode scanner app",
            "the customs documents module",
            "proof-of-delivery upload",
        ),
        objects=("shipments", "pallet records", "delivery routes", "customs declarations", "proof-of-delivery photos"),
        errors=(
            '"CARRIER_TIMEOUT"',
            "HTTP 504 Gateway Timeout",
            '"Label generation failed: ZPL-17"',
            '"EDI 997 rejected"',
            '"Scanner sync error S-204"',
        ),
        actions=("print labels", "book a pickup", "plan tomorrow's routes", "scan inbound pallets"),
        business=("get the trucks out", "dispatch today's deliveries", "receive inbound stock"),
        minor=(
            "tracking pages show times in the wrong time zone",
            "the route planner ignores one of my filters",
            "labels print slightly off-centre",
            "the scanner app beeps twice per scan",
        ),
        ref_kind="shipment",
        howtos=(
            "add a new depot",
            "export delivery times",
            "set a default pallet size",
            "give a driver access to the app",
        ),
        requests=("can I change the pickup slot for {ref}?", "can we get an extra pickup this {weekday}?"),
        tags=("tracking", "labels", "routing", "edi", "warehouse"),
        weights=(1.05, 1.0, 0.6),
        consumer_share=0.05,
    ),
    _Line(
        name="hosting",
        brand="Rackvale",
        products=("VPS Hosting", "Managed Kubernetes", "Object Storage", "DNS & CDN"),
        components=(
            "our VPS",
            "the Kubernetes control plane",
            "object storage",
            "the CDN",
            "DNS resolution",
            "the load balancer",
            "SSL certificate renewal",
            "the control panel",
            "the backup service",
        ),
        objects=("backups", "buckets", "databases", "volumes", "DNS records"),
        errors=(
            "502 Bad Gateway",
            '"connection refused on port 443"',
            "ERR_SSL_PROTOCOL_ERROR",
            '"etcdserver: request timed out"',
            "HTTP 503 from the edge",
        ),
        actions=("deploy", "reach the site", "attach a volume", "renew the certificate"),
        business=("serve our website", "deploy anything", "run our nightly jobs"),
        minor=(
            "the control panel graphs lag behind by an hour",
            "the web console logs me out every few minutes",
            "DNS changes take longer than the docs say",
            "the usage page is slow to load",
        ),
        ref_kind="invoice",
        howtos=(
            "point my domain to the new server",
            "add an SSH key",
            "resize a volume",
            "enable IPv6",
            "set up a staging environment",
        ),
        requests=("do you offer a data centre in Singapore?", "can I get a static IP on the basic plan?"),
        tags=("dns", "kubernetes", "storage", "cdn", "ssl", "vps"),
        weights=(1.35, 0.9, 0.7),
        consumer_share=0.15,
    ),
)

# ----------------------------------------------------------------------------------------------------------
# People and companies (all made up)
# ----------------------------------------------------------------------------------------------------------

FIRST_NAMES = (
    "Ana",
    "Marco",
    "Priya",
    "Tomasz",
    "Aisha",
    "Kenji",
    "Lucia",
    "Olumide",
    "Sven",
    "Mei",
    "Diego",
    "Fatima",
    "Jonas",
    "Ines",
    "Ravi",
    "Chloe",
    "Bogdan",
    "Yuki",
    "Nadia",
    "Emeka",
    "Hannah",
    "Luis",
    "Sofia",
    "Arjun",
    "Mateus",
    "Leila",
    "Pieter",
    "Grace",
    "Omar",
    "Elena",
    "Kwame",
    "Ingrid",
    "Hyun-woo",
    "Camille",
    "Tariq",
    "Zofia",
    "Daniel",
    "Amara",
    "Felix",
    "Rosa",
    "Vikram",
    "Maren",
    "Jamal",
    "Noor",
    "Patrick",
    "Wen",
    "Irina",
    "Samuel",
    "Lena",
    "Adebayo",
    "Carmen",
    "Henrik",
    "Siobhan",
    "Rahul",
    "Beatriz",
    "Tobias",
    "Yara",
    "Erik",
)
LAST_NAMES = (
    "Ruiz",
    "Okafor",
    "Nakamura",
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "Chen",
    "Moreau",
    "Patel",
    "Schmidt",
    "Oliveira",
    "Mensah",
    "O'Brien",
    "Novak",
    "Fischer",
    "Gupta",
    "Andersen",
    "Costa",
    "Ivanova",
    "Tanaka",
    "Abubakar",
    "Rossi",
    "Dubois",
    "Kim",
    "Jansen",
    "Hernandez",
    "Walsh",
    "Kaya",
    "Nguyen",
    "Mbeki",
    "Larsen",
    "Silva",
    "Petrov",
    "Singh",
    "Murphy",
    "Yilmaz",
    "Bauer",
    "Adeyemi",
    "Lopez",
    "Sato",
    "Varga",
    "Byrne",
    "Eriksen",
    "Zhou",
    "Ferreira",
    "Kowalczyk",
    "Ahmed",
    "Brennan",
    "Horvat",
    "Mwangi",
)
COMPANY_FIRST = (
    "Blue",
    "North",
    "Copper",
    "Silver",
    "Harbor",
    "Pine",
    "Granite",
    "Maple",
    "Summit",
    "River",
    "Iron",
    "Cedar",
    "Lumen",
    "Atlas",
    "Orchid",
    "Falcon",
    "Meadow",
    "Beacon",
    "Crescent",
    "Tidal",
    "Amber",
    "Willow",
    "Quartz",
    "Sable",
    "Kestrel",
    "Juniper",
    "Cobalt",
    "Vantage",
    "Oakridge",
    "Saffron",
)
COMPANY_SECOND = (
    "field",
    "stone",
    "gate",
    "bridge",
    "point",
    "wave",
    "leaf",
    "works",
    "line",
    "path",
    "crest",
    "forge",
    "haven",
    "vale",
    "spring",
    "light",
    "mark",
    "port",
    "wood",
    "ridge",
)
COMPANY_KIND = (
    "Logistics",
    "Dental",
    "Foods",
    "Analytics",
    "Retail",
    "Clinic",
    "Labs",
    "Studio",
    "Freight",
    "Insurance",
    "Travel",
    "Media",
    "Health",
    "Energy",
    "Legal Services",
    "Outfitters",
    "Bakery",
    "Architects",
    "Robotics",
    "Pharmacy",
    "Software",
    "Consulting",
    "Hotels",
    "Academy",
)
COMPANY_SUFFIX = ("Ltd", "Inc.", "GmbH", "LLC", "B.V.", "S.L.", "Pty Ltd", "AB", "", "", "", "Group", "Co.")
ROLES = (
    "IT manager",
    "head of operations",
    "CTO",
    "office manager",
    "finance lead",
    "platform engineer",
    "founder",
    "support lead",
    "practice manager",
    "logistics coordinator",
    "DevOps engineer",
    "controller",
    "COO",
    "data protection officer",
    "procurement manager",
    "e-commerce manager",
)
COMPETITORS = ("Nimbusly", "Orbitware", "Crestline", "a competitor", "another provider", "Vendora", "Pallisade")

PLANS = ("free", "basic", "pro", "enterprise")
PLAN_SHARE = (0.30, 0.30, 0.27, 0.13)
ACV_MEDIAN = {"free": 0.0, "basic": 600.0, "pro": 6000.0, "enterprise": 90000.0}
ACV_SIGMA = {"free": 0.0, "basic": 0.6, "pro": 0.8, "enterprise": 1.0}
# Bigger accounts have more users and so more tickets.
PLAN_VOLUME = {"free": 0.8, "basic": 1.0, "pro": 1.6, "enterprise": 3.0}

CHANNEL_WEIGHTS = {
    "free": {"email": 25, "chat": 30, "phone": 5, "web_form": 25, "social": 15},
    "basic": {"email": 35, "chat": 25, "phone": 12, "web_form": 20, "social": 8},
    "pro": {"email": 45, "chat": 20, "phone": 15, "web_form": 17, "social": 3},
    "enterprise": {"email": 55, "chat": 10, "phone": 25, "web_form": 9, "social": 1},
}

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_VOLUME = (1.0, 1.05, 1.0, 0.95, 0.85, 0.33, 0.27)
# UTC hour-of-day volume: a business-hours peak with a long evening tail from other time zones.
HOUR_VOLUME = (
    0.15,
    0.1,
    0.08,
    0.08,
    0.1,
    0.18,
    0.35,
    0.6,
    0.95,
    1.2,
    1.3,
    1.3,
    1.15,
    1.25,
    1.3,
    1.25,
    1.1,
    0.9,
    0.7,
    0.55,
    0.45,
    0.35,
    0.28,
    0.2,
)
HOLIDAYS = ((12, 24), (12, 25), (12, 26), (12, 31), (1, 1))

# ----------------------------------------------------------------------------------------------------------
# Phrase bank: slots are filled per ticket ({component}, {error}, {ref}, ...), one value per ticket
# ----------------------------------------------------------------------------------------------------------

SINCE = (
    "this morning",
    "yesterday",
    "last night",
    "Monday",
    "the weekend",
    "about two hours ago",
    "your release on {weekday}",
    "three days ago",
    "last week",
    "around 9am",
    "the last update",
    "the maintenance window",
    "lunchtime",
    "{past_date}",
)
# Openers of an observed problem, technical or billing: people narrate billing problems as much as outages,
# so "it seems that" or "we noticed that" must not mark a ticket as technical.
STATEMENT_OPENERS = (
    "",
    "",
    "",
    "It seems that ",
    "We noticed that ",
    "I noticed that ",
    "So basically ",
    "Not sure why but ",
    "For some reason ",
    "Looking at our account, ",
)
OPENERS = (
    *STATEMENT_OPENERS,
    "Since {since}, ",
    "As of {since}, ",
    "Starting {since}, ",
    "Out of nowhere, ",
    "Ever since {since}, ",
    "Since {since} ",
    "Today ",
    "Heads up: ",
)

TECH_ISSUES: dict[int, Bank] = {
    1: (
        "{component} is noticeably slower than usual",
        "{component} takes {secs} seconds to respond",
        "{component} is laggy when more than {small_n} of us use it",
        "{component} behaves weirdly, hard to describe",
        "{component} works, but only after a couple of retries",
        "{component} is flaky in the afternoons",
        "{component} shows a confusing message now and then",
        "{component} needs a restart before it behaves",
        "{component} has been a little unreliable",
        "{component} occasionally hangs for a minute",
        "notifications from {component} arrive an hour late",
        "an error pops up when I {action}, but it goes through on the second try",
        "the export from {component} leaves out a few fields",
        "I get logged out of {component} every few minutes",
    ),
    2: (
        "{component} is completely down",
        "{component} returns {error} on every request",
        "{component} has stopped syncing",
        "every call to {component} times out after 30 seconds",
        "{component} fails with {error}",
        "nobody on our team can get into {component}",
        "{component} throws {error} as soon as we try to {action}",
        "the integration with {component} broke",
        "{component} goes up and down every few minutes",
        "{component} rejects valid credentials with {error}",
        "{component} stopped responding overnight",
        "{component} returns {error} for about {pct}% of requests",
        "we can't {action} at all, it just spins and then shows {error}",
        "{component} has been unreachable for {hours_down} hours",
        "{component} is failing for all our users in {region}",
        # How problems are reported when nobody says "down": failed jobs, logins, deliveries, exports.
        "the nightly job that feeds {component} failed again and nothing was processed",
        "I can't log in, and the password reset link says it has expired as soon as I open it",
        "the two-factor codes never arrive, so nobody can sign in to {component}",
        "the page for {component} just stays blank after loading",
        "our scheduled backups have failed every night this week",
        "the report won't generate any more, it ends with {error}",
        "file uploads to {component} fail half way through",
        "the webhooks stopped firing, so our systems no longer get updates",
        "the app crashes as soon as it opens",
        "we're locked out after the certificate expired",
        "{component} shows data from days ago, nothing new is coming through",
        "emails from {component} are not being delivered to anyone",
        "the sync between {component} and our system fails with {error}",
    ),
    3: (
        "{big_n} {objects} disappeared from {component}",
        "some {objects} were overwritten with someone else's data",
        "{component} deleted {objects} without anyone asking it to",
        "half of our {objects} are duplicated or blank",
        "one of our users could see another company's {objects} in {component}",
        "the password reset link lets you into accounts that aren't yours",
        "all our {objects} from before {past_month} are gone after the migration",
        "{component} exposes {objects} at a public link without any login",
        "the restore from backup brought back corrupted {objects}",
        "an API key we revoked last month still works against {component}",
        "{objects} are silently being changed overnight and we don't know by whom",
        "the numbers in our {objects} no longer match what we entered; it looks like data corruption",
    ),
}
TECH_IMPACT: dict[int, Bank] = {
    1: (
        "It's not blocking us, just annoying.",
        "We can work around it for now.",
        "Not urgent, but it would be nice to get it fixed.",
        "It's mostly cosmetic.",
        "It slows the team down a bit.",
        "Low priority from our side.",
        "Happens maybe once a day.",
    ),
    2: (
        "Our whole team is blocked.",
        "We can't {business} until this is fixed.",
        "About {pct}% of our users are affected.",
        "This is costing us money every hour.",
        "We have a launch on {weekday} and this blocks it.",
        "Our own customers are calling us about it.",
        "Everything downstream is stuck.",
        "Production is affected, not just test.",
    ),
    3: (
        "We have no idea how many {objects} are affected.",
        "We need to know the scope right now.",
        "Some of these {objects} have no other copy.",
        "If this is a security hole it needs closing today.",
        "Our auditors will ask about this.",
        "We've frozen all changes until we understand what happened.",
    ),
}
ERROR_DETAIL = (
    "The exact error is: {error}.",
    "Error shown: {error}",
    "We get {error}.",
    "Screenshot attached, it says {error}.",
    "Log excerpt:\n{log_line}",
    "From our logs:\n{log_line}",
    "Console says {error}.",
    "Request id {request_id} if that helps.",
    "{error} (every single time)",
)

FIN_ISSUES: dict[int, Bank] = {
    1: (
        "we were charged twice for {period}: {amount} appears two times on {ref}",
        "invoice {ref} bills us for {seats} seats but we only have {fewer_seats}",
        "the price on {ref} is higher than what we agreed",
        "you charged us {amount} after we downgraded",
        "there's a {amount} fee on {ref} that nobody here can explain",
        "the annual discount we were promised is missing from {ref}",
        "we're being billed for an add-on we never ordered",
        "the tax on {ref} looks wrong",
        "{ref} doesn't match the quote we signed",
        "my card was charged {amount} but the order shows as unpaid",
    ),
    2: (
        "I want a full refund of {amount} for {ref}",
        "I've opened a chargeback with my bank for {amount}",
        "we are disputing invoice {ref} ({amount}) in full",
        "we expect {amount} back for the {days} days the service was unusable",
        "please reverse the {amount} charge, our card issuer is already looking into it",
        "the auto-renewal took {amount} from our account without any reminder and we want it back",
        "we were overbilled by {amount} over the last {months} months and want it credited",
        "we were promised a refund of {amount} weeks ago and still haven't seen it",
    ),
    3: (
        "if this isn't fixed by {deadline} we will not renew in {month}",
        "we're already talking to {competitor} about moving all {seats} seats",
        "I'm recommending to our board that we cancel the contract",
        "our renewal ({amount} a year) is on hold until this is sorted",
        "we'll terminate and move to {competitor}",
        "frankly, we're reconsidering the whole relationship",
        "I will cancel every line on this account and switch providers",
        "procurement has asked me to look at alternatives before we sign the renewal",
        "unless we get a proper answer, we're out at the end of the term",
    ),
}
# Private persons and free accounts have no contract or seats to argue about.
CONSUMER_FIN_ISSUES: dict[int, Bank] = {
    1: (
        "my card was charged twice for {ref}",
        "you charged me {amount} after I cancelled",
        "there's a {amount} charge on my statement I don't recognise",
        "I was billed {amount} for {ref} instead of the price shown",
        "the discount code wasn't applied and I paid {amount} too much",
        "my card was charged {amount} but the order shows as unpaid",
    ),
    2: (
        "I want a full refund of {amount} for {ref}",
        "I've opened a chargeback with my bank for {amount}",
        "I was promised a refund of {amount} for {ref} weeks ago and still haven't seen it",
        "please reverse the {amount} charge, my bank is already looking into it",
        "the auto-renewal took {amount} from my account without any reminder and I want it back",
    ),
    3: (
        "I'm cancelling everything and switching to {competitor}",
        "one more problem and I'm leaving for good",
        "I'll take my money somewhere else if this isn't fixed by {deadline}",
        "I've been a customer for years but I'm ready to close my account over this",
    ),
}
FIN_DETAIL = (
    "Invoice {ref}, dated {past_date}.",
    "Our finance team flagged it this morning.",
    "I've attached the statement.",
    "The card ends in {card_digits}.",
    "Our PO number is PO-{po}.",
    "Total in question: {amount}.",
    "Reference: {ref}.",
)

LEGAL_ISSUES: dict[int, Bank] = {
    1: (
        "under {privacy_law} I'm requesting a copy of all the personal data you hold on me",
        "please erase my account and all personal data you keep, as {privacy_law} allows",
        "we need your signed {agreement} before our compliance team lets us continue",
        "please confirm where our {objects} are stored and which subprocessors can access them",
        "I'm exercising my right to opt out of the sale of my personal information",
        "please tell me who had access to my data and why",
        "I want to know what you do with my data and how long you keep it",
        "our DPO needs your records of processing for {product}",
    ),
    2: (
        "I received another customer's {document} with their name and address on it, that's a data breach",
        "I have filed a complaint with {regulator}",
        "I'm reporting this to {regulator} today",
        "{product} can't be used with a screen reader, which puts us in breach of {accessibility_law}",
        "under section {section} of our agreement we are owed SLA service credits for this outage",
        "there are {small_n} payments from our account that nobody here made, this looks like fraud",
        "you are hosting our copyrighted {media} without permission; treat this as a takedown notice",
        "the police have asked us for access logs and we need them from you under the warrant",
        "your outage breached the uptime commitment in our contract and we will claim the penalty",
        "we think {objects} were exposed and we may have a notification duty within 72 hours",
        "someone is using our company name to open accounts on your platform",
    ),
    3: (
        "our lawyers will be contacting you",
        "we are prepared to take legal action",
        "this email is formal notice of breach of contract",
        "I'm joining the class action against your company",
        "we have instructed counsel to file suit if this is not resolved by {deadline}",
        "expect to hear from our attorney",
        "our legal department is preparing a claim for damages",
        "see you in court",
    ),
}
CONSUMER_LEGAL_ISSUES: dict[int, Bank] = {
    1: (
        "under {privacy_law} I'm requesting a copy of all the personal data you hold on me",
        "please erase my account and all personal data you keep, as {privacy_law} allows",
        "I'm exercising my right to opt out of the sale of my personal information",
        "please tell me who had access to my data and why",
        "I want to know what you do with my data and how long you keep it",
    ),
    2: (
        "I received another customer's {document} with their name and address on it, that's a data breach",
        "I have filed a complaint with {regulator}",
        "I'm reporting this to {regulator} today",
        "there are {small_n} transactions on my account that I didn't make, this is fraud",
        "someone opened an account in my name, I never signed up",
        "your site can't be used with my screen reader, which I'm told is against {accessibility_law}",
        "I'm getting spam that quotes my {document} number, so my data has leaked from you",
    ),
    3: (
        "my lawyer will be contacting you",
        "I'm prepared to take you to small claims court",
        "I'm joining the class action against your company",
        "expect to hear from my attorney",
        "see you in court",
    ),
}
LEGAL_DETAIL = (
    "Please treat this as a formal request.",
    "I expect a reply within the statutory deadline.",
    "Our reference is LGL-{po}.",
    "I've kept copies of everything.",
    "Please confirm receipt in writing.",
    "Our DPO is copied.",
    "Please forward this to the right team.",
)

ROUTINE: Bank = (
    "how do I {howto}?",
    "could you send me a copy of invoice {ref}?",
    "please update the billing address on our account to {address}",
    "I'd like to cancel my subscription at the end of the current term. No issues, we just don't need it now",
    "I was charged for {addon} by mistake, can I get the {small_amount} back? It's within the 14 days",
    "is there a way to {howto} in bulk?",
    "can you add {small_n} more users to our account?",
    "where can I change my password?",
    "the new {colour} on {component} is honestly hideous",
    "what's the difference between the pro and enterprise plans?",
    "can I switch to annual billing?",
    "I can't find where to {howto}",
    "do you have a guide on how to {howto}?",
    "please change the account owner to my colleague {other_name}",
    "what are your support hours over the holidays?",
    "is {component} supposed to look like this after the update? it's fine, just different",
    "I need a W-9 / tax form for our records",
    "how do I downgrade to the basic plan?",
    "can you resend the welcome email? it went to spam",
    "the font size in {component} is way too small",
)

# Routine questions come with as much surrounding detail as problems do: a ticket's length and its small
# words ("that", "been", "was") must not tell the models whether anything is wrong.
ROUTINE_OPENERS = (
    "",
    "",
    "",
    "Quick question: ",
    "Sorry to bother you, but ",
    "I was wondering, ",
    "One thing I couldn't figure out: ",
    "So basically, ",
    "Hopefully a simple one: ",
)
ROUTINE_DETAIL = (
    "We have been doing it by hand so far and it takes a while.",
    "The help article I found seems to describe an older version, so I'm not sure that it still applies.",
    "It's not urgent, whenever you get a chance.",
    "Our accountant has been asking me for it since {past_month}.",
    "I looked under Settings but I only see the options for my own profile.",
    "My colleague {other_name} has admin rights, if that matters.",
    "I was told on the phone that this is possible on the {plan} plan.",
    "I assume that there is a setting for it somewhere.",
    "A colleague said that it used to be under the account menu.",
    "We're planning to roll it out to {seats} people next month.",
    "Everything else has been working well for us.",
    "I have searched your help centre but couldn't find anything that answers it.",
    "I asked in the community forum a while ago but didn't find an answer there.",
    "I'm fairly sure that it was possible in the old version.",
    "We changed our internal process in {past_month} and this came up.",
    "Nothing is wrong as such, I just want to make sure we're doing it the right way.",
)
# Background people give before they get to the point, in tickets of every kind.
CONTEXT = (
    "I'm not very technical, so please bear with me.",
    "I spoke to one of your colleagues on the phone and was told to write in.",
    "I tried to find the answer in your help centre first.",
    "I hope this is the right address for this.",
    "Apologies if this has been asked before.",
    "I have been a customer since {past_month} last year.",
    "I was going through my account settings this week.",
    "I have read the documentation but I'm still not sure how it works.",
    "I've been meaning to ask about this for a while.",
    "For context, I was away for two weeks and only saw this now.",
    "A friend who also uses {product} said that you might be able to help.",
)
# The same, from someone writing for a business.
BUSINESS_CONTEXT = (
    "We have been with {brand} for a few years and it has mostly been fine.",
    "Our team has been growing, we're {seats} people now.",
    "I noticed this when I was going through our {objects} with a colleague.",
    "My manager asked me to check this with you.",
    "We use {product} to {business}.",
    "A colleague mentioned that you might be able to help with this.",
    "This came up in our weekly meeting.",
    "I'm writing on behalf of {company}, I took over the account from {other_name}.",
)

REPEAT: dict[int, Bank] = {
    1: (
        "I wrote about this {prev_when}.",
        "Still no proper answer since {prev_when}.",
        "Following up on my message from {prev_when}.",
        "Second time asking about this.",
        "Just chasing this up.",
        "Any update on this?",
        "Bumping this.",
        "I already reported this {prev_when}.",
        "Writing again about the same thing.",
        "Me again, about the same problem.",
    ),
    2: (
        "This is the third time I'm writing about this.",
        "Third email on the same problem.",
        "I've now contacted you three times.",
        "Third time asking.",
        "This is my third message about this.",
        "Third time I'm writing in, same issue.",
    ),
    3: (
        "This is my {ordinal} message about the same issue.",
        "I've written {count} times now.",
        "I have lost count of how many times I've reported this.",
        "{count_cap} emails and still nothing.",
        "This is contact number {count} about one problem.",
    ),
}
INTRODUCTIONS = (
    "I'm the {role} at {company} and we use {product} every day.",
    "Writing on behalf of {company}.",
    "We're on the {plan} plan with {seats} seats.",
    "Quick context: we moved to {product} in {past_month}.",
    "I look after {product} for a team of {seats}.",
    "I'm {role} here at {company}.",
)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")
COUNTS = ("one", "two", "three", "four", "five", "six", "seven")

# Troubleshooting steps: what the agent asks, what the customer says they did.
TECH_STEPS = (
    ("clear your browser cache and sign in again", "cleared the cache and signed in again"),
    ("restart the app", "restarted the app"),
    ("reinstall the app", "reinstalled the app"),
    ("update to the latest version", "updated to the latest version"),
    ("reset your password", "reset the password"),
    ("re-enter the API key", "re-entered the API key"),
    ("disable browser extensions", "disabled all extensions"),
    ("restart the router", "rebooted the router"),
    ("switch to another browser", "tried Chrome and Firefox"),
    ("log out and back in", "logged out and back in"),
    ("check the firewall rules", "checked the firewall"),
    ("run the diagnostics tool", "ran the diagnostics"),
    ("reset the sync token", "regenerated the token"),
    ("clear the DNS cache", "flushed the DNS cache"),
    ("re-run the import", "re-ran the import"),
    ("check the webhook secret", "rotated the webhook secret"),
)
TECH_AGENT_DID = (
    "restarted the sync worker",
    "cleared the cache on our side",
    "redeployed the service",
    "reset your session",
    "re-provisioned the instance",
    "rolled back the last change",
    "re-synced your account",
    "patched the connector",
)
FIN_STEPS = (
    ("update your card details", "updated the card"),
    ("check your statement again in 3-5 days", "checked the statement after a week"),
    ("re-enter the billing contact", "re-entered the billing contact"),
    ("run the invoice export again", "exported the invoices again"),
)
FIN_AGENT_DID = ("re-issued the invoice", "refreshed the billing record", "updated the subscription")

AGENT_STEP = (
    "Thanks for the details. Could you please {step} and let us know if it helps?",
    "Sorry about that! Please try to {step} and then retry.",
    "Hi {first}, as a first step please {step}. That fixes this in most cases.",
    "We've {did} on our side. Can you check again?",
    "Thanks for waiting. As a workaround, please {step} for now.",
    "Hi {first}, I've {did}. Could you try again and tell me if it still happens?",
    "Can you try to {step}? If that doesn't work, send us a screenshot.",
    "Please {step}. Our engineers also {did} this morning.",
)
AGENT_ACK = (
    "Thanks for reaching out, {first}. I've passed this to the {team_word} team and we'll get back "
    "to you within {sla_hours}h.",
    "Sorry for the trouble. We're looking into it and will update you by {weekday}.",
    "Thanks for your patience. I've logged this with our specialists (ref {internal_ref}).",
    "Apologies for the slow reply, we're still investigating.",
    "Hi {first}, thanks. I've added your details to the existing case and will update you as soon as I hear back.",
    "Thanks {first}. We'll get back to you within 24h.",
    "Got it. I've asked a colleague to take a look; expect an answer within {sla_hours} hours.",
    "Thanks for flagging. We're collecting a few more reports and will come back to you.",
)
SYSTEM_AUTO_REPLY = (
    "Auto-reply: thanks for contacting {brand} support. Your reference is {internal_ref}. "
    "We aim to reply within {sla_hours} hours."
)
SYSTEM_TURNS = (
    "Status changed from Open to Pending.",
    "Status changed from Pending to Open (customer replied).",
    "First-response SLA target breached.",
    "Ticket merged with {internal_ref}.",
    "Satisfaction survey skipped: ticket still open.",
    "Priority changed from Normal to High.",
)
BOT_TURN = "Assistant bot suggested the article '{howto_title}'. The customer marked it as not helpful."

FAILED_FOLLOWUP = (
    "I {done} like you said. Still not working.",
    "{done_cap}, no luck.",
    "Tried that already, same error.",
    "{done_cap} - made no difference.",
    "Did that. It didn't help.",
    "Still getting the same thing after I {done}.",
    "Nope, still broken even after we {done}.",
    "{done_cap}. Nothing changed.",
    "Back to square one, I {done} and it's exactly as before.",
    "We {done} twice now. Still the same problem.",
    "That didn't fix it.",
)
FAILED_MENTION = (
    "I already {done} as your colleague suggested, and it's still not working.",
    "Your team had me {step}; it didn't help.",
    "We {done}, nothing changed.",
    "Before you ask: yes, we {done}. Same error.",
    "We've tried everything your agents suggested, including {done_gerund}, and it's still failing.",
    "The workaround from last time didn't work either.",
    "{done_cap} ({attempts} times now), still the same problem.",
)
CHASER = (
    "Any news?",
    "Is anyone looking at this?",
    "Hi, just checking in on this.",
    "Could I get an update please?",
    "Still waiting to hear back.",
    "Hello? Anyone?",
    "Following up - no answer yet.",
)

FRUSTRATION: dict[int, Bank] = {
    1: (
        "This is a bit annoying.",
        "Not ideal.",
        "I'd appreciate a quicker answer this time.",
        "A little disappointing, to be honest.",
        "Please sort this out.",
        "Hoping for a faster turnaround.",
        "Kind of a hassle.",
        "Bit of a pain, this.",
    ),
    2: (
        "This is really frustrating.",
        "I'm running out of patience.",
        "Honestly, this is getting ridiculous.",
        "We're pretty fed up at this point.",
        "This should not be this hard.",
        "I expected a lot better from you.",
        "Very disappointed with how this is going.",
        "Why is nobody taking this seriously?",
    ),
    3: (
        "This is completely unacceptable!",
        "ABSOLUTELY USELESS.",
        "I am furious.",
        "Worst support I have ever dealt with.",
        "Do you people even read these?!",
        "Are you kidding me?!",
        "This is a joke.",
        "I'm DONE being patient.",
        "Pathetic, honestly.",
        "I will be telling everyone I know about this experience.",
        "I'm going to post this everywhere until someone answers.",
    ),
}
EMOTION_UNSTATED = {1: 0.35, 2: 0.15, 3: 0.0}  # chance that a frustrated customer names no feeling
SARCASM = (
    "Great, another day of this. Fantastic.",
    "Thanks for nothing so far.",
    "Love paying for a product that doesn't work.",
    "Wow, what a smooth experience this has been.",
    "I'm sure the next canned reply will fix everything.",
    "Truly world-class support.",
)
ANXIOUS = (
    "I'm quite worried about this.",
    "Sorry if this is a silly question, but I'm a bit nervous.",
    "I really need to get this right, my manager is asking.",
    "Is this something I did wrong?",
    "I'm not sure how bad this is, could someone tell me?",
)

ASKS = {
    "polite": (
        "Could you take a look when you get a chance?",
        "Any help would be appreciated.",
        "Let me know if you need more details.",
        "Thanks in advance!",
        "What would you recommend?",
        "Could someone get back to me?",
        "Many thanks for your help.",
        "Happy to jump on a call.",
    ),
    "anxious": (
        "Please let me know as soon as possible.",
        "Could someone confirm today?",
        "Is there anything I should do in the meantime?",
        "Please tell me what to do next.",
    ),
    "curt": (
        "Fix it please.",
        "Please advise.",
        "Need an answer today.",
        "Waiting for your reply.",
        "Please fix.",
        "Update please.",
    ),
    "sarcastic": (
        "Looking forward to another copy-paste reply.",
        "Take your time, it's not like we have a business to run.",
        "Surprise me with an actual answer.",
        "Maybe someone who knows the product could reply this time?",
    ),
    "furious": (
        "Fix this NOW.",
        "I want a call from a manager today.",
        "Don't send me another template answer.",
        "I expect a real response within the hour.",
        "Get someone competent on this immediately.",
        "Escalate this to someone who can actually do something.",
    ),
}
GREETINGS = {
    "polite": (
        "Hello,",
        "Hi,",
        "Hi team,",
        "Hello support team,",
        "Good morning,",
        "Good afternoon,",
        "Hi there,",
        "Dear support,",
        "Hey folks,",
        "Hi all,",
    ),
    "anxious": ("Hello,", "Hi, sorry to bother you,", "Hi team, I hope someone can help quickly.", "Hi,"),
    "curt": ("Hi.", "Support,", "", "Hello.", "Team -", "Hey."),
    "sarcastic": ("Hi again,", "Hello once more,", "", "Well, hello,", "Dear 'support',"),
    "furious": ("", "", "Hello??", "To whoever is actually reading this:", "Support,", "Listen."),
}
NON_NATIVE_GREETINGS = (
    "Dear Sir/Madam,",
    "Respected team,",
    "Hello sir,",
    "Greetings of the day,",
    "Dear team,",
    "Good day,",
)
SIGN_OFFS = ("Thanks,", "Best,", "Regards,", "Kind regards,", "Cheers,", "Thank you,", "Best regards,", "-")
NON_NATIVE_SIGN_OFFS = ("Thanks and regards,", "Thanking you,", "Warm regards,", "Waiting for your kind reply,")
CONFIDENTIALITY = (
    "CONFIDENTIALITY NOTICE: this e-mail and any attachments may contain privileged or "
    "confidential information. If you are not the intended recipient, please delete it."
)

# Words that look like triggers but are not: these sentences go into tickets without that trigger.
DECOYS: dict[str, Bank] = {
    "legal": (
        "(Writing this on a legal pad between meetings, excuse the shorthand.)",
        "This is not a legal question, just a practical one.",
        "Our legal team is on this workspace too, but this is about something else.",
        "The printer only takes legal-size paper, in case that matters.",
        "No lawyers needed, I just want it to work.",
        "Just curious, no complaint here.",
    ),
    "financial": (
        "I had to cancel the meeting with our client because of this.",
        "I refunded my customer myself already, that part is handled.",
        "Writing from my phone, need to charge my phone soon so quick replies please.",
        "We don't want a refund or anything, just an answer.",
        "I cancelled the demo call for now, we'll rebook.",
        "Billing is fine, this is about something else.",
        "Happy to pay for the upgrade if that's what it takes.",
    ),
    "technical": (
        "Nothing is broken, I just can't find the setting.",
        "This is not a bug report.",
        "No errors or anything, just a question.",
        "The crash course your team ran last month was great, by the way.",
        "Our server at lunch was the slowest thing today, not your app.",
    ),
}

PRIVACY_LAWS = ("GDPR", "the GDPR", "CCPA", "the UK GDPR", "Article 17 of the GDPR", "the CCPA", "PIPEDA")
REGULATORS = (
    "the ICO",
    "our data protection authority",
    "the CFPB",
    "the FCC",
    "the consumer ombudsman",
    "the state attorney general",
    "the HHS Office for Civil Rights",
    "the financial ombudsman",
)
ACCESSIBILITY_LAWS = ("the ADA", "the European Accessibility Act", "Section 508")
AGREEMENTS = ("DPA", "data processing agreement", "BAA", "business associate agreement")
DOCUMENTS = ("invoice", "delivery note", "lab report", "statement", "order confirmation")
MEDIA = ("product photos", "images", "video", "logo")
REGIONS = ("Europe", "the US east coast", "APAC", "the UK", "Brazil")
COLOURS = ("colour scheme", "green", "icon set", "orange banner", "logo")
ADDONS = ("the storage add-on", "an extra seat", "premium support", "the SMS bundle", "express shipping")
STREETS = ("Harbour Road", "Elm Street", "Kastanienallee", "Rua das Flores", "Station Lane", "Maple Avenue")

SUBJECTS: dict[str, Bank] = {
    "technical1": (
        "{component_cap} slow",
        "Bug in {component_bare}",
        "Small bug",
        "{component_cap} glitch",
        "Minor issue with {product}",
        "Weird behaviour in {component_bare}",
        "{component_cap} issue",
    ),
    "technical2": (
        "{component_cap} not working",
        "{component_cap} down?",
        "Problem with {component_bare}",
        "Urgent: {component_bare} outage",
        "Error when trying to {action}",
        "{error_short}",
        "Can't {action}",
        "Something wrong with {product}",
        "{product}: errors since {since}",
        "Login failed",
        "Job failed",
        "{component_cap} failure",
        "Cannot access {component_bare}",
        "Sync failing",
        "App crashing",
    ),
    "technical3": (
        "Data missing from {component_bare}",
        "Possible security issue in {component_bare}",
        "{objects_cap} lost",
        "Data corruption in {product}",
        "URGENT - {objects} gone",
        "{objects_cap} exposed?",
    ),
    "financial1": (
        "Billing issue on {ref}",
        "Double charge",
        "Incorrect invoice",
        "Overcharged",
        "Invoice {ref}",
        "Charge I don't recognise",
        "Pricing",
    ),
    "financial2": ("Refund request - {ref}", "Chargeback", "Refund", "Money back for {ref}", "Disputed charge"),
    "financial3": (
        "Question about our renewal",
        "Our contract",
        "Considering other options",
        "Renewal",
        "Our account with you",
        "Last chance",
    ),
    "legal1": (
        "Data subject access request",
        "Deletion request",
        "Privacy concern",
        "Request under {privacy_law}",
        "Personal data",
        "Compliance question",
    ),
    "legal2": (
        "Formal complaint",
        "SLA credits",
        "Accessibility",
        "Unauthorised transactions",
        "Data breach?",
        "Takedown notice",
        "Complaint",
    ),
    "legal3": ("Legal notice", "Notice of breach", "Legal action", "Final notice", "Formal notice"),
    "routine": (
        "Quick question",
        "Question",
        "Question about my account",
        "Help please",
        "{product} question",
        "Small thing",
        "Need help",
        "{product}",
    ),
}


# ----------------------------------------------------------------------------------------------------------
# Accounts and latent state
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Contact:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class _Account:
    line: _Line
    product: str
    company: str | None
    domain: str
    plan: str
    annual_contract_value: float
    strategic: bool
    contacts: tuple[_Contact, ...]
    # What the helpdesk knows about the account: "all", "plan" (no contract value: the CRM is not synced)
    # or "none" (an unknown sender). The latent model always uses the true values.
    recorded: str = "all"


@dataclass(frozen=True)
class _Latent:
    severity: dict[str, int]  # trigger -> 0 (absent) .. 3
    prior_contacts: int
    failed_attempts: int
    frustration: int


def _company_name(rng: random.Random) -> tuple[str, str]:
    core = _pick(rng, COMPANY_FIRST) + _pick(rng, COMPANY_SECOND)
    name = " ".join(part for part in (core, _pick(rng, COMPANY_KIND), _pick(rng, COMPANY_SUFFIX)) if part)
    return name, core.lower() + ".example"


def _make_accounts(rng: random.Random, count: int) -> list[_Account]:
    accounts = []
    next_contact = 1000
    for _ in range(count):
        line = _pick(rng, LINES)
        plan = rng.choices(PLANS, PLAN_SHARE)[0]
        acv = 0.0
        if plan != "free":
            acv = round(ACV_MEDIAN[plan] * math.exp(rng.gauss(0.0, ACV_SIGMA[plan])), -1)
        strategic = (plan == "enterprise" and rng.random() < (0.45 if acv >= 150_000 else 0.05)) or (
            plan == "pro" and rng.random() < 0.005
        )
        consumer = plan in ("free", "basic") and rng.random() < line.consumer_share
        company, domain = (None, "mail.example") if consumer else _company_name(rng)
        people = 1 if consumer else 1 + min(5, int(rng.expovariate(0.8 if plan == "enterprise" else 1.6)))
        contacts = []
        for _ in range(people):
            next_contact += 1 + int(rng.random() * 7)
            name = f"{_pick(rng, FIRST_NAMES)} {_pick(rng, LAST_NAMES)}"
            contacts.append(_Contact(f"C-{next_contact}", name, _pick(rng, ROLES)))
        recorded = rng.choices(("all", "plan", "none"), ACCOUNT_DATA_RECORDED)[0]
        accounts.append(
            _Account(line, _pick(rng, line.products), company, domain, plan, acv, strategic, tuple(contacts), recorded)
        )
    return accounts


def _draw_latent(rng: random.Random, account: _Account) -> _Latent:
    weights = dict(zip(("technical", "financial", "legal"), account.line.weights, strict=True))
    acv = account.annual_contract_value
    severity = {}
    for trigger, base in TRIGGER_BASE_RATE.items():
        present = rng.random() < base * weights[trigger]
        if not present:
            severity[trigger] = 0
        elif trigger == "financial":
            # Threats and revenue risk come mostly from accounts with revenue at stake.
            threat = 0.12 + 0.25 * min(1.0, math.log1p(acv / 1000) / 5)
            severity[trigger] = rng.choices((1, 2, 3), (0.55 - threat / 2, 0.45 - threat / 2, threat))[0]
        elif trigger == "legal":
            severity[trigger] = rng.choices((1, 2, 3), (0.45, 0.38, 0.17))[0]
        else:
            severity[trigger] = rng.choices((1, 2, 3), (0.4, 0.42, 0.18))[0]
    triggered = any(severity.values())
    prior = min(5, int(rng.expovariate(1.2 if triggered else 2.2)))
    failed = 0
    if severity["technical"] or severity["financial"]:
        step_rate = 0.7 if severity["technical"] else 0.4
        failed = sum(rng.random() < step_rate for _ in range(prior))
    score = rng.gauss(0.0, 1.0) + 0.55 * prior + 0.6 * failed + 0.15 * max(severity.values())
    frustration = sum(score > cut for cut in (0.3, 1.1, 1.85))
    return _Latent(severity, prior, failed, frustration)


def _escalation_probability(latent: _Latent, account: _Account) -> float:
    score = ESCALATION_INTERCEPT
    for trigger, level in latent.severity.items():
        score += SEVERITY_WEIGHT[trigger][level]
    weights = ESCALATION_WEIGHTS
    log_acv = math.log1p(account.annual_contract_value / 1000)
    score += weights["log_acv"] * log_acv
    if latent.severity["financial"] == 3:
        score += THREAT_WEIGHT_PER_LOG_ACV * log_acv
    score += weights["strategic"] * account.strategic
    score += weights["prior_contacts"] * latent.prior_contacts
    score += weights["failed_attempts"] * latent.failed_attempts
    score += weights["frustration"] * latent.frustration
    return _sigmoid(score)


def _tier(rng: random.Random, latent: _Latent, account: _Account) -> int:
    sev = latent.severity
    acv = account.annual_contract_value
    serious = sev["legal"] >= 2 or sev["financial"] == 3 or sev["technical"] == 3
    if (
        (account.strategic and serious)
        or (acv >= 250_000 and (serious or latent.failed_attempts >= 2))
        or (sev["legal"] == 3 and acv >= 100_000)
    ):
        tier = 4
    elif (
        sev["legal"] >= 2
        or sev["technical"] == 3
        or (sev["financial"] >= 2 and acv >= 50_000)
        or (latent.failed_attempts >= 2 and latent.prior_contacts >= 3)
    ):
        tier = 3
    else:
        tier = 2
    disagreement = rng.random()
    if disagreement < 0.08 and tier > 2:
        tier -= 1
    elif disagreement > 0.96 and tier < 4:
        tier += 1
    return tier


def _team(rng: random.Random, latent: _Latent, account: _Account) -> str:
    sev = latent.severity
    high_value = account.strategic or account.annual_contract_value >= 50_000
    scores = {
        "technical": TEAM_SEVERITY_PULL["technical"][sev["technical"]] + 0.6 * latent.failed_attempts,
        "billing": TEAM_SEVERITY_PULL["financial"][sev["financial"]] * (0.5 if sev["financial"] == 3 else 1.0),
        "account_management": (1.6 * (sev["financial"] == 3) + 0.8 * high_value + 0.9 * (not any(sev.values()))),
        "legal_compliance": TEAM_SEVERITY_PULL["legal"][sev["legal"]] + 0.3 * (sev["legal"] > 0),
    }
    return max(scores, key=lambda team: scores[team] + rng.gauss(0.0, 0.35))


# ----------------------------------------------------------------------------------------------------------
# Surface noise
# ----------------------------------------------------------------------------------------------------------

NON_NATIVE_SWAPS = (
    ("I have ", "I am having "),
    ("doesn't work", "is not working"),
    ("isn't working", "is not working"),
    ("Could you", "Kindly"),
    ("Please let me know", "Please revert"),
    ("three days ago", "since three days"),
    ("yesterday", "yesterday itself"),
    ("can't", "am not able to"),
    ("We can't", "We are unable to"),
    ("Any update", "Any updation"),
    ("the same", "same"),
    ("a copy", "copy"),
    ("the ", ""),
    ("I want", "I am wanting"),
    ("I'm", "I am"),
)
KEYBOARD_NEIGHBOURS = {"a": "s", "e": "r", "i": "o", "o": "p", "n": "m", "t": "r", "s": "d", "r": "t", "l": "k"}


def _non_native(rng: random.Random, text: str) -> str:
    for old, new in NON_NATIVE_SWAPS:
        if old in text and rng.random() < 0.35:
            text = text.replace(old, new, 1)
    return text


def _typos(rng: random.Random, text: str, rate: float) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) < 4 or not word.isalpha() or rng.random() >= rate:
            continue
        j = 1 + int(rng.random() * (len(word) - 2))
        kind = rng.random()
        if kind < 0.35:
            word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
        elif kind < 0.6:
            word = word[:j] + word[j + 1 :]
        elif kind < 0.8:
            word = word[:j] + word[j] + word[j:]
        else:
            word = word[:j] + KEYBOARD_NEIGHBOURS.get(word[j], word[j]) + word[j + 1 :]
        words[i] = word
    return " ".join(words)


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:] if sentence else sentence


# ----------------------------------------------------------------------------------------------------------
# One ticket's text
# ----------------------------------------------------------------------------------------------------------


class _Slots(dict):
    """Slot values drawn lazily, once per ticket, so a ticket names the same component and ref throughout."""

    def __init__(self, makers: dict[str, Callable[[], str]]) -> None:
        super().__init__()
        self._makers = makers

    def __missing__(self, key: str) -> str:
        value = self._makers[key]()
        self[key] = value
        return value


class _Writer:
    def __init__(
        self,
        rng: random.Random,
        account: _Account,
        contact: _Contact,
        latent: _Latent,
        created_at: datetime,
        channel: str,
    ) -> None:
        self.rng = rng
        self.account = account
        self.line = account.line
        self.contact = contact
        self.latent = latent
        self.created_at = created_at
        self.channel = channel
        self.register = self._register()
        self.non_native = rng.random() < 0.15
        self.typo_rate = 0.0 if rng.random() < 0.55 else rng.uniform(0.01, 0.06)
        self.slots = _Slots(self._makers())
        self.last_agent_step = False  # set by history()
        self.issue_templates: dict[str, str] = {}
        self.routine_sentence = ""  # one routine question per ticket, repeated in the subject and history
        self.tech_step = _pick(rng, TECH_STEPS if latent.severity["technical"] else FIN_STEPS)
        self.agent_did = _pick(rng, TECH_AGENT_DID if latent.severity["technical"] else FIN_AGENT_DID)

    def _register(self) -> str:
        roll = self.rng.random()
        level = self.latent.frustration
        if level == 0:
            return "anxious" if roll < 0.2 + 0.2 * (max(self.latent.severity.values()) >= 2) else "polite"
        if level == 1:
            return "curt" if roll < 0.6 else ("anxious" if roll < 0.8 else "polite")
        if level == 2:
            return "sarcastic" if roll < 0.4 else "curt"
        return "furious"

    def _makers(self) -> dict[str, Callable[[], str]]:
        rng, line, account = self.rng, self.line, self.account
        acv = account.annual_contract_value
        day = self.created_at

        def past_date() -> str:
            past = day - timedelta(days=2 + int(rng.random() * 40))
            return f"{past.day} {MONTHS[past.month - 1]}"

        def amount() -> str:
            base = acv / 12 * rng.uniform(0.4, 3.0) if acv else rng.uniform(15, 600)
            value = max(9.0, base)
            return _pick(rng, ("${:,.2f}", "USD {:,.0f}", "${:,.0f}", "US$ {:,.2f}")).format(value)

        def ref() -> str:
            year = day.year
            kind = line.ref_kind
            if kind == "order":
                return _pick(rng, ("#{}{:07d}", "order {}-{:07d}")).format(_pick(rng, "ABKW"), rng.randrange(10**7))
            if kind == "shipment":
                return f"HW{rng.randrange(10**10):010d}"
            if kind == "account" and rng.random() < 0.5:
                return f"account {rng.randrange(10**8, 10**9)}"
            return f"INV-{year}-{rng.randrange(10**5):05d}"

        def log_line() -> str:
            at = day - timedelta(minutes=5 + int(rng.random() * 600))
            level = _pick(rng, ("ERROR", "ERROR", "FATAL", "WARN"))
            worker = _pick(rng, ("worker-3", "api-gw", "sync", "scheduler", "edge-12", "ingest"))
            return f"{at:%Y-%m-%d %H:%M:%S} {level} [{worker}] {self.slots['error']}"

        seats = max(3, int(rng.lognormvariate(math.log(max(acv, 500) / 300), 0.5)))
        return {
            "component": lambda: _pick(rng, line.components),
            "component_bare": lambda: (
                self.slots["component"].removeprefix("the ").removeprefix("our ").removeprefix("my ")
            ),
            "component_cap": lambda: _capitalise(self.slots["component_bare"]),
            "objects": lambda: _pick(rng, line.objects),
            "objects_cap": lambda: _capitalise(self.slots["objects"]),
            "error": lambda: _pick(rng, line.errors),
            "error_short": lambda: self.slots["error"].strip('"'),
            "action": lambda: _pick(rng, line.actions),
            "business": lambda: _pick(rng, line.business),
            "product": lambda: account.product,
            "company": lambda: account.company or "our company",
            "role": lambda: self.contact.role,
            "plan": lambda: account.plan,
            "howto": lambda: _pick(rng, line.howtos),
            "howto_title": lambda: "How to " + _pick(rng, line.howtos),
            "since": lambda: _pick(rng, SINCE).format_map(self.slots),
            "weekday": lambda: _pick(rng, WEEKDAY_NAMES[:5]),
            "past_date": past_date,
            "past_month": lambda: MONTH_NAMES[(day.month - 2 - int(rng.random() * 4)) % 12],
            "month": lambda: MONTH_NAMES[(day.month + int(rng.random() * 5)) % 12],
            "deadline": lambda: _pick(rng, ("Friday", "the end of the month", "next week", "tomorrow", "the 15th")),
            "secs": lambda: str(8 + int(rng.random() * 50)),
            "pct": lambda: str(_pick(rng, ("10", "20", "30", "40", "60", "80", "90"))),
            "small_n": lambda: str(2 + int(rng.random() * 8)),
            "big_n": lambda: _pick(rng, ("about 200", "over 3,000", "roughly 40", "hundreds of", "1,200", "all")),
            "hours_down": lambda: str(2 + int(rng.random() * 20)),
            "region": lambda: _pick(rng, REGIONS),
            "error_detail": lambda: _pick(rng, ERROR_DETAIL).format_map(self.slots),
            "log_line": log_line,
            "request_id": lambda: f"req_{rng.getrandbits(48):012x}",
            "ref": ref,
            "amount": amount,
            "small_amount": lambda: f"${rng.uniform(5, 49):.2f}",
            "period": lambda: _pick(rng, ("March", "last month", "the annual plan", "this quarter", "May")),
            "seats": lambda: str(seats),
            "fewer_seats": lambda: str(max(1, seats - 1 - int(rng.random() * seats / 3))),
            "days": lambda: str(2 + int(rng.random() * 12)),
            "months": lambda: str(2 + int(rng.random() * 10)),
            "competitor": lambda: _pick(rng, COMPETITORS),
            "card_digits": lambda: f"{rng.randrange(10**4):04d}",
            "po": lambda: f"{rng.randrange(10**6):06d}",
            "privacy_law": lambda: (
                "HIPAA" if line.name == "healthcare" and rng.random() < 0.5 else _pick(rng, PRIVACY_LAWS)
            ),
            "regulator": lambda: _pick(rng, REGULATORS),
            "accessibility_law": lambda: _pick(rng, ACCESSIBILITY_LAWS),
            "agreement": lambda: _pick(rng, AGREEMENTS),
            "document": lambda: _pick(rng, DOCUMENTS),
            "media": lambda: _pick(rng, MEDIA),
            "section": lambda: f"{2 + int(rng.random() * 12)}.{1 + int(rng.random() * 6)}",
            "address": lambda: f"{1 + int(rng.random() * 200)} {_pick(rng, STREETS)}",
            "addon": lambda: _pick(rng, ADDONS),
            "colour": lambda: _pick(rng, COLOURS),
            "other_name": lambda: f"{_pick(rng, FIRST_NAMES)} {_pick(rng, LAST_NAMES)}",
            "first": lambda: self.contact.name.split(" ")[0],
            "team_word": lambda: _pick(rng, ("technical", "billing", "specialist", "product", "engineering")),
            "sla_hours": lambda: _pick(rng, ("4", "8", "24", "48")),
            "internal_ref": lambda: f"#{rng.randrange(10**5, 10**6)}",
            "brand": lambda: line.brand,
            "prev_when": lambda: _pick(
                rng, ("yesterday", "on Monday", "last week", "a few days ago", "this morning", "on {weekday}")
            ).format_map(self.slots),
            "step": lambda: self.tech_step[0],
            "done": lambda: self.tech_step[1],
            "done_cap": lambda: _capitalise(self.tech_step[1]),
            "done_gerund": lambda: _gerund(self.tech_step[0]),
            "did": lambda: self.agent_did,
            "attempts": lambda: COUNTS[max(0, self.latent.failed_attempts - 1)],
            "ordinal": lambda: ORDINALS[min(self.latent.prior_contacts, 6)],
            "count": lambda: COUNTS[min(self.latent.prior_contacts, 6)],
            "count_cap": lambda: _capitalise(COUNTS[min(self.latent.prior_contacts, 6)]),
        }

    def fill(self, template: str) -> str:
        return template.format_map(self.slots)

    def _issue_template(self, trigger: str, level: int) -> str:
        """The ticket's one description of a trigger, reused in the history and the current message."""
        if trigger not in self.issue_templates:
            if trigger == "technical":
                bank = {**TECH_ISSUES, 1: TECH_ISSUES[1] + self.line.minor}
            elif trigger == "financial":
                consumer = self.account.company is None or not self.account.annual_contract_value
                bank = CONSUMER_FIN_ISSUES if consumer else FIN_ISSUES
            else:
                bank = CONSUMER_LEGAL_ISSUES if self.account.company is None else LEGAL_ISSUES
            self.issue_templates[trigger] = _pick(self.rng, bank[level])
        return self.issue_templates[trigger]

    def _issue(self, trigger: str, level: int, brief: bool) -> list[str]:
        rng = self.rng
        statement = self.fill(self._issue_template(trigger, level))
        if trigger == "technical":
            opener = self.fill(_pick(rng, OPENERS))
            sentences = [_capitalise(opener + statement) + _pick(rng, (".", ".", "!", "...", " :("))]
            if not brief and rng.random() < 0.55:
                sentences.append(self.fill(_pick(rng, ERROR_DETAIL)))
            if not brief and rng.random() < 0.6:
                sentences.append(self.fill(_pick(rng, TECH_IMPACT[level])))
            return sentences
        # Level 2-3 statements are demands and threats: "it seems that" only fits an observed problem.
        opener = _pick(rng, STATEMENT_OPENERS) if trigger == "financial" and level == 1 else ""
        sentences = [_capitalise(opener + statement) + "."]
        if not brief and rng.random() < 0.45:
            sentences.append(self.fill(_pick(rng, FIN_DETAIL if trigger == "financial" else LEGAL_DETAIL)))
        return sentences

    def _routine(self) -> list[str]:
        if not self.routine_sentence:
            request = self.fill(_pick(self.rng, ROUTINE + self.line.requests))
            opener = _pick(self.rng, ROUTINE_OPENERS) if request.endswith("?") else ""
            sentence = _capitalise(opener + request)
            self.routine_sentence = sentence if sentence.endswith(("?", ".")) else sentence + "."
        return [self.routine_sentence]

    def _routine_detail(self) -> list[str]:
        return [self.fill(_pick(self.rng, ROUTINE_DETAIL))] if self.rng.random() < 0.6 else []

    def issue_sentences(self, brief: bool = False) -> list[str]:
        present = [(t, level) for t, level in self.latent.severity.items() if level]
        self.rng.shuffle(present)
        if not present:
            return self._routine()
        sentences = []
        for trigger, level in present:
            sentences += self._issue(trigger, level, brief)
        return sentences

    def subject(self) -> str:
        rng, latent = self.rng, self.latent
        if self.channel == "social" and rng.random() < 0.6:
            return ""
        if self.channel == "chat" and rng.random() < 0.5:
            return self.fill(_pick(rng, ("Chat with {first}", "Live chat", "Conversation", "New conversation")))
        present = [t for t, level in latent.severity.items() if level]
        # A real subject line mentions one problem, not necessarily the most serious one.
        trigger = _pick(rng, present) if present else ""
        topic = f"{trigger}{latent.severity[trigger]}" if trigger else "routine"
        if topic == "routine" and rng.random() < 0.5:
            # People often paste the start of their question as the subject.
            words = self._routine()[0].rstrip("?.").split(" ")
            subject = " ".join(words[: 3 + int(rng.random() * 5)])
        else:
            subject = self.fill(_pick(rng, SUBJECTS[topic]))
        if self.channel == "api":
            return subject
        if self.register == "furious" and rng.random() < 0.4:
            subject = subject.upper() + _pick(rng, ("!!!", "!!", "", "?!"))
        elif self.register == "curt" and rng.random() < 0.3:
            subject = subject.lower()
        if latent.prior_contacts and self.channel == "email" and rng.random() < 0.7:
            subject = "Re: " * min(latent.prior_contacts, 1 + int(rng.random() * 3)) + subject
        elif latent.prior_contacts >= 2 and rng.random() < 0.3:
            subject = _pick(rng, ("STILL: ", "Again: ", "3rd request: ", "Follow-up: ")) + subject
        if self.account.company and rng.random() < 0.12:
            subject = f"[{self.account.company.split(' ')[0]}] {subject}"
        return subject

    def _emotion(self) -> list[str]:
        rng = self.rng
        if self.register == "anxious":
            return [_pick(rng, ANXIOUS)]
        level = self.latent.frustration
        # Mild annoyance often shows only in a curt register, not in an explicit phrase.
        if level == 0 or rng.random() < EMOTION_UNSTATED[level]:
            return []
        sentences = [_pick(rng, FRUSTRATION[level])]
        if self.register == "sarcastic":
            sentences.append(_pick(rng, SARCASM))
        if level == 3 and rng.random() < 0.5:
            sentences.append(_pick(rng, FRUSTRATION[3]))
        return sentences

    def _decoy(self) -> list[str]:
        absent = [t for t, level in self.latent.severity.items() if not level]
        if not absent or self.rng.random() >= 0.14:
            return []
        return [_pick(self.rng, DECOYS[_pick(self.rng, absent)])]

    def _signature(self) -> str:
        rng, account, contact = self.rng, self.account, self.contact
        first = contact.name.split(" ")[0]
        if self.register == "furious" and rng.random() < 0.6:
            return first if rng.random() < 0.5 else ""
        sign_off = _pick(rng, NON_NATIVE_SIGN_OFFS if self.non_native and rng.random() < 0.6 else SIGN_OFFS)
        lines = [sign_off, contact.name if rng.random() < 0.6 else first]
        if account.company and rng.random() < 0.6:
            lines.append(f"{_capitalise(contact.role)} | {account.company}")
            if rng.random() < 0.4:
                lines.append(f"+1 555 01{rng.randrange(100):02d} {rng.randrange(10**4):04d}")
            if rng.random() < 0.1:
                lines.append(CONFIDENTIALITY)
        elif rng.random() < 0.15:
            lines.append("Sent from my phone")
        return "\n".join(lines)

    def _noisy(self, text: str) -> str:
        if self.non_native:
            text = _non_native(self.rng, text)
        if self.typo_rate:
            text = _typos(self.rng, text, self.typo_rate)
        if self.channel in ("chat", "social") and self.rng.random() < 0.45:
            text = text.lower()
        return text

    def body(self, history: list[dict]) -> str:
        rng, latent = self.rng, self.latent
        sentences: list[str] = []
        if latent.prior_contacts and rng.random() < 0.85:
            sentences.append(self.fill(_pick(rng, REPEAT[min(latent.prior_contacts, 3)])))
        if self.account.company and not latent.prior_contacts and rng.random() < 0.25:
            sentences.append(self.fill(_pick(rng, INTRODUCTIONS)))
        if self.channel != "social" and rng.random() < 0.3:  # a post has no room for background
            sentences.append(self.fill(_pick(rng, CONTEXT + BUSINESS_CONTEXT if self.account.company else CONTEXT)))
        brief = bool(latent.prior_contacts) and rng.random() < 0.5
        sentences += self.issue_sentences(brief=brief)
        if not brief and not any(latent.severity.values()):
            sentences += self._routine_detail()
        # The current message answers the last agent reply: a step there must be reported as failed.
        if self.last_agent_step or (latent.failed_attempts and rng.random() < 0.4):
            sentences.append(_capitalise(self.fill(_pick(rng, FAILED_MENTION))))
        sentences += self._decoy()
        sentences += self._emotion()
        if self.register == "furious" and rng.random() < 0.35:
            sentences[0] = sentences[0].upper()
        sentences.append(_pick(rng, ASKS[self.register]))

        if self.channel == "phone":
            fillers = ("", "", "um, ", "uh, ", "so, ", "yeah, ")
            said = " ".join(_spoken(_pick(rng, fillers), sentence) for sentence in sentences)
            return "[Call transcript] " + self._noisy(said)
        if self.channel == "social":
            post = " ".join(sentences[:3])
            tag = _pick(rng, ("", "", " #fail", " #customerservice", " #help"))
            return self._noisy(f"@{self.line.brand} {post}{tag}")
        if self.channel == "api":
            # Filed from the customer's own helpdesk tool, which posts to our API.
            return (
                f"Submitted via API by {self.account.company}'s internal helpdesk\n"
                f"severity: {_pick(rng, ('low', 'medium', 'high', 'critical'))}\n"
                f"service: {self.slots['component']}\ndescription: " + self._noisy(" ".join(sentences))
            )
        if self.channel == "chat":
            return self._noisy("\n".join(sentences))

        formal = self.non_native and rng.random() < 0.6
        greetings = NON_NATIVE_GREETINGS if formal else GREETINGS[self.register]
        greeting = _pick(rng, greetings)
        split = 1 + int(rng.random() * max(1, len(sentences) - 1))
        paragraphs = [" ".join(sentences[:split]), " ".join(sentences[split:])]
        if self.non_native and rng.random() < 0.4:
            paragraphs.append("Please do the needful.")
        text = "\n\n".join(p for p in [greeting, *paragraphs] if p)
        text = self._noisy(text)
        signature = self._signature()
        if signature:
            text += "\n\n" + signature
        agent_turns = [turn for turn in history if turn["author"] == "agent"]
        if self.channel == "email" and agent_turns and rng.random() < 0.5:
            text += "\n\n" + self._quote(agent_turns[-1])
        return text.strip()

    def _quote(self, turn: dict) -> str:
        at: datetime = turn["at"]
        header = (
            f"On {WEEKDAYS[at.weekday()]}, {at.day} {MONTHS[at.month - 1]} {at.year} at {at:%H:%M}, "
            f"{self.line.brand} Support <support@{self.line.brand.lower()}.example> wrote:"
        )
        return "\n".join("> " + line for line in [header, *turn["body"].split("\n")])

    def history(self) -> list[dict]:
        """Earlier turns, oldest first: each customer contact followed by an agent reply, sometimes a system
        note. The first ``failed_attempts`` agent replies are troubleshooting steps that the next customer
        turn (or the current message) says did not work."""
        rng, latent = self.rng, self.latent
        k = latent.prior_contacts
        if not k:
            if self.channel == "chat" and rng.random() < 0.3:
                at = self.created_at - timedelta(minutes=1 + rng.random() * 4)
                return [{"at": at.replace(microsecond=0), "author": "system", "body": self.fill(BOT_TURN)}]
            return []
        steps = sorted(rng.sample(range(k), latent.failed_attempts))
        turns: list[dict] = []
        for contact in range(k):
            if contact == 0:
                text = " ".join(self.issue_sentences(brief=rng.random() < 0.5))
                text = _pick(rng, ("Hi, ", "Hello, ", "", "Hi team, ")) + text
            elif contact - 1 in steps:
                text = self.fill(_pick(rng, FAILED_FOLLOWUP))
            else:
                text = _pick(rng, CHASER)
            turns.append({"author": "customer", "body": self._noisy(text)})
            if contact == 0 and rng.random() < 0.4:
                turns.append({"author": "system", "body": self.fill(SYSTEM_AUTO_REPLY)})
            template = _pick(rng, AGENT_STEP if contact in steps else AGENT_ACK)
            turns.append({"author": "agent", "body": self.fill(template)})
            if rng.random() < 0.2:
                turns.append({"author": "system", "body": self.fill(_pick(rng, SYSTEM_TURNS))})
        # The conversation spreads over hours to days before the current message; longer with more contacts.
        span_hours = rng.lognormvariate(math.log(20 + 30 * k), 0.8)
        if self.channel == "chat":  # a chat session that was handed over, not a multi-day thread
            span_hours *= 0.03
        offsets = sorted((rng.random() for _ in turns), reverse=True)
        for turn, offset in zip(turns, offsets, strict=True):
            at = self.created_at - timedelta(hours=span_hours * offset + 0.05)
            turn["at"] = at.replace(microsecond=0)
        self.last_agent_step = (k - 1) in steps
        return turns


def _spoken(filler: str, sentence: str) -> str:
    return filler + sentence[:1].lower() + sentence[1:] if filler else sentence


def _gerund(step: str) -> str:
    verb, _, rest = step.partition(" ")
    if verb.endswith("e") and not verb.endswith("ee"):
        verb = verb[:-1]
    return f"{verb}ing {rest}".strip()


# ----------------------------------------------------------------------------------------------------------
# Time, outcomes, assembly
# ----------------------------------------------------------------------------------------------------------


def _creation_times(rng: random.Random, count: int) -> list[datetime]:
    day_weights = []
    for offset in range(DAYS):
        day = START + timedelta(days=offset)
        weight = WEEKDAY_VOLUME[day.weekday()] * (0.85 + 0.3 * offset / DAYS)
        if (day.month, day.day) in HOLIDAYS:
            weight *= 0.35
        day_weights.append(weight)
    day_cumulative = list(accumulate(day_weights))
    hour_cumulative = list(accumulate(HOUR_VOLUME))
    days = rng.choices(range(DAYS), cum_weights=day_cumulative, k=count)
    hours = rng.choices(range(24), cum_weights=hour_cumulative, k=count)
    times = [
        START + timedelta(days=d, hours=h, seconds=int(rng.random() * 3600)) for d, h in zip(days, hours, strict=True)
    ]
    return sorted(times)


def _poisson(rng: random.Random, mean: float) -> int:
    count, threshold, product = 0, math.exp(-mean), rng.random()
    while product > threshold:
        count += 1
        product *= rng.random()
    return count


def _tags(rng: random.Random, writer: _Writer, latent: _Latent) -> list[str]:
    # Tags are what a customer picks in a form or an intake rule adds: informative, not the label.
    tags = [_pick(rng, writer.line.tags)] if rng.random() < 0.7 else []
    present = [t for t, level in latent.severity.items() if level]
    category = {"technical": "bug", "financial": "billing", "legal": "privacy"}
    if present and rng.random() < 0.6:
        tags.append(category[_pick(rng, present)])
    elif rng.random() < 0.3:
        tags.append(_pick(rng, ("question", "how-to", "account", "billing", "bug", "feedback")))
    if latent.prior_contacts and rng.random() < 0.5:
        tags.append("follow-up")
    return list(dict.fromkeys(tags))


def _ticket(rng: random.Random, number: int, created_at: datetime, account: _Account) -> LabelledTicket:
    contact = _pick(rng, account.contacts)
    latent = _draw_latent(rng, account)
    weights = CHANNEL_WEIGHTS[account.plan]
    channels, channel_weights = list(weights), list(weights.values())
    if latent.severity["technical"] and account.company:
        channels.append("api")
        channel_weights.append(12)
    channel = rng.choices(channels, channel_weights)[0]

    writer = _Writer(rng, account, contact, latent, created_at, channel)
    history = writer.history()
    subject = writer.subject()
    body = writer.body(history)

    probability = _escalation_probability(latent, account)
    truly_escalated = rng.random() < probability
    escalated = truly_escalated != (rng.random() < ESCALATION_FLIP_RATE)
    if not escalated:
        tier, team = 1, "frontline"
    elif truly_escalated:
        tier, team = _tier(rng, latent, account), _team(rng, latent, account)
    else:
        tier, team = 2, _team(rng, latent, account)

    hours = TIER_MEDIAN_HOURS[tier] * TEAM_HOURS_FACTOR.get(team, 1.0)
    hours *= math.exp(rng.gauss(0.0, 1.1 if tier == 1 else 0.9))
    hours = max(0.1, hours)
    reopen_count = _poisson(rng, 0.06 + 0.15 * escalated + 0.12 * latent.failed_attempts)
    first_contact = not latent.prior_contacts and not escalated and not reopen_count and rng.random() < 0.85
    csat = None
    if rng.random() < CSAT_RESPONSE_RATE:
        satisfaction = (
            4.95
            - 0.4 * latent.frustration
            - 0.5 * escalated
            - 0.3 * math.log1p(hours / 24)
            - 0.45 * reopen_count
            - 0.15 * latent.prior_contacts
            + rng.gauss(0.0, 0.9)
        )
        csat = min(5, max(1, round(satisfaction)))

    triggers = [
        trigger
        for trigger, level in latent.severity.items()
        if (rng.random() >= TRIGGER_DROP_RATE if level else rng.random() < TRIGGER_ADD_RATE)
    ]
    frustration = latent.frustration
    if rng.random() < FRUSTRATION_NOISE_RATE:
        frustration = min(3, max(0, frustration + (1 if rng.random() < 0.5 else -1)))

    return LabelledTicket.model_validate(
        {
            "id": f"T-{100001 + number}",
            "subject": subject,
            "body": body,
            "channel": channel,
            "created_at": created_at,
            "customer": {
                "id": contact.id,
                "name": contact.name,
                "company": account.company,
                "plan": None if account.recorded == "none" else account.plan,
                "annual_contract_value": account.annual_contract_value if account.recorded == "all" else None,
                "strategic": account.strategic and account.recorded != "none",
            },
            "history": history,
            "tags": _tags(rng, writer, latent),
            "product": account.product,
            "triggers": triggers,
            "escalated": escalated,
            "frustration": frustration,
            "tier": tier,
            "team": team,
            "escalation_level_reached": tier,
            "resolved_at": (created_at + timedelta(hours=hours)).replace(microsecond=0),
            "first_contact_resolution": first_contact,
            "csat": csat,
            "reopen_count": reopen_count,
            "true_escalation_probability": round(probability, 4),
        }
    )


def generate(tickets: int, seed: int, on_progress: Callable[[int], None] | None = None) -> list[LabelledTicket]:
    """``tickets`` synthetic labelled tickets, oldest first, identical for the same ``seed``.

    ``on_progress(k)`` is called with the number of tickets done every few hundred tickets and at the end.
    """
    if tickets < 0:
        raise ValueError(f"tickets must be >= 0, got {tickets}")
    rng = random.Random(seed)
    accounts = _make_accounts(rng, max(20, tickets // 5))
    # Heavy-tailed ticket volume per account: a few accounts write a lot, many write once.
    volume = [PLAN_VOLUME[a.plan] * rng.lognormvariate(0.0, 1.1) for a in accounts]
    volume_cumulative = list(accumulate(volume))
    chosen = rng.choices(accounts, cum_weights=volume_cumulative, k=tickets)
    records = []
    for number, (created_at, account) in enumerate(zip(_creation_times(rng, tickets), chosen, strict=True)):
        records.append(_ticket(rng, number, created_at, account))
        if on_progress and (number + 1) % PROGRESS_EVERY == 0:
            on_progress(number + 1)
    if on_progress and tickets % PROGRESS_EVERY:
        on_progress(tickets)
    return records
