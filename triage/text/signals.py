"""Escalation signals: named, explainable phrases that make a ticket more likely to leave front-line support.

Each signal is a stable snake_case name with a readable description (:data:`SIGNALS`). Language signals
are spaCy phrase patterns over a blank English tokenizer, matched on lemmas from spaCy's lookup lemmatizer
table (``spacy-lookups-data``): "refunding", "disputes" and "sued" match the patterns' "refund", "dispute"
and "sue" without listing every inflection. Shape signals (money amounts, error codes, stack traces) are
regular expressions over the raw text, because the tokenizer splits those shapes unpredictably (``$5M`` ->
``$ 5 M``, ``java.lang.NullPointerException`` -> three tokens).

A language match is dropped when

- it is **negated**: a negator (not, no, never, n't, without) stands before it with only a few filler
  words between (articles, possessives, "going to", "want", "asking for"), so "not a legal question" and
  "no need to escalate" are dropped but "I never received my refund" is kept. An inability ("can't
  cancel") or a condition or question ("if you don't refund me", "why is there no refund") does not negate.
- it overlaps a **veto** of the same signal: a non-literal use of the words ("legal pad", "cancel the
  meeting", "I refunded my customer", "charge my phone", "memory leak"). Where the customer refunded their own
  buyer, the ticket's definite mentions of a refund ("the refund went through") are theirs too and vetoed.

A cancellation in a conditional sentence ("I will cancel if this isn't fixed") is reported as a churn
threat, not as a cancellation request.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, cast

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from triage.text.cleaning import CleanText, clean_text
from triage.text.regex_lead import led_by_first_characters

SIGNALS: dict[str, str] = {
    "money_amount": "mentions a money amount",
    "large_money": "mentions a sum of 100,000 or more",
    "contract_value": "mentions the contract value or the revenue at stake",
    "cancellation": "wants to cancel or close the account",
    "churn_threat": "threatens to cancel, not renew or switch to a competitor",
    "refund_request": "asks for a refund",
    "chargeback": "mentions a chargeback or a dispute with the bank",
    "billing_dispute": "disputes a charge or an invoice",
    "legal_action": "threatens or mentions legal proceedings, or brings in a lawyer",
    "class_action": "mentions a class action",
    "privacy_regulation": "cites a privacy or compliance law or a data-protection request",
    "regulator_complaint": "mentions a regulator or a consumer-protection complaint",
    "fraud": "reports fraud, a scam or identity theft",
    "outage": "reports an outage or a service down for many users",
    "error_code": "quotes an error code or an exception name",
    "stack_trace": "includes a stack trace or log lines",
    "data_loss": "reports lost or corrupted data",
    "security_incident": "reports a security incident",
    "repeat_contact": "has contacted support about this before",
    "deadline": "names a deadline",
    "urgency": "says it is urgent",
    "escalation_demand": "asks for a manager or an escalation",
    "public_review_threat": "threatens a public review or a social-media post",
    "how_to_question": "asks how to do something, whether the product can, or for a routine change or document",
    "feature_feedback": "asks for a feature or comments on the product's look",
    "resolved_update": "says its problem is already solved or that no action is needed, and reports no open problem",
}

# Pattern language: space-separated token slots. A slot lists lower-case alternatives separated by "|"
# and ends in "?" when optional; "_" joins the words of a multi-word alternative ("no_one").
# "cancel|cancelled my|our? plan" reads: cancel or cancelled, optionally my or our, then plan.
_DET = "a|an|the|my|our|this|that|these|those|your|their|his|her|its"
_CANCEL = "cancel|cancels|cancelling|canceling|cancelled|canceled"
_CANCELLABLE = (
    "subscription|subscriptions|account|accounts|plan|membership|contract|service|services|license|licence"
    "|licenses|seats|agreement|renewal|package|trial"
)
_CHARGE = "charge|charges|charged|charging"
_DEVICE = "phone|phones|battery|batteries|laptop|device|devices|car|tablet|headphones|watch|ipad|iphone|earbuds"
# Whose money it is: the customer's own customers (a shop's buyers, a clinic's patients, a firm's clients).
# A plan or billing period to move to: "put me on monthly", "move us back to the basic plan".
_PLAN_TO = (
    "monthly|annual|yearly|quarterly|a_monthly|an_annual|a_yearly|the_monthly|the_annual|the_yearly|the_quarterly"
    "|a_cheaper|the_cheaper|a_smaller|the_smaller|the_basic|the_starter|the_free|the_previous|our_old|my_old|the_old"
    "|the_lower"
)
_THIRD_PARTY = (
    "customer|customers|client|clients|buyer|buyers|guest|guests|patient|patients|shopper|shoppers|member"
    "|members|user|users|tenant|tenants|student|students|subscriber|subscribers|end-user|end-users|our_customer"
    "|our_customers|our_clients|our_buyers|one_of_our_customers|one_of_our_clients|one_of_our_buyers"
    "|customer_of_ours|customers_of_ours|client_of_ours|clients_of_ours|buyer_of_ours"
)
_WHEN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|noon|midnight|eod|cob|eow"
_MANAGER = (
    "manager|managers|supervisor|supervisors|boss|superior|someone_senior|someone_in_charge|human"
    "|real_person|ceo|executive|head_of_support"
)
_SOCIAL = (
    "twitter|facebook|linkedin|reddit|instagram|tiktok|youtube|trustpilot|yelp|g2|capterra|glassdoor"
    "|social_media|app_store|the_app_store|play_store|google_reviews|google"
)
_NTH = "second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|nth|umpteenth|100th"
_CONTACTING = (
    "writing|contacting|asking|calling|reporting|raising|emailing|reaching|chasing|messaging|written|contacted"
    "|asked|called|reported|raised|emailed|reached|chased|messaged|write|contact|ask|call|report|raise|email"
)
_DATA = (
    "data|files|work|records|emails|photos|documents|history|progress|contacts|messages|orders|database|notes"
    "|projects|tasks|attachments|folders|entries|recordings|images|pictures|videos|spreadsheets|uploads"
)
# Whose data a customer should never see: another customer's, not a colleague's in a shared workspace.
_OTHER_PARTIES = (
    "customers|companies|accounts|workspaces|tenants|organisations|organizations|clients|businesses|customer"
    "|company|account|workspace|tenant|organisation|organization|client|business"
)
_SOMEONE_ELSES = (
    "someone_else's|somebody_else's|a_stranger's|another_person's|other_people's|another_customer's"
    "|another_company's|another_client's|another_business's|another_organisation's|another_organization's"
    "|another_account's|another_tenant's|another_workspace's|other_customers'|other_companies'|other_clients'"
    "|other_businesses'|other_organisations'|other_organizations'|other_accounts'|other_tenants'"
    "|a_different_customer's|a_different_company's"
)
# Seeing what is not one's own: "I can see someone else's invoice", "the API returns other companies' projects".
_SEE = "see|show|display|return|contain|open|receive|view|load|download|access"
# A status page as customers cite it during an outage it does not show: "your status page says all green".
_STATUS_PAGE_SAYS = (
    "status page|site say|show|is|list|read|report all? green|operational|fine|ok|normal|nothing|up"
    "|no_incident|no_incidents|no_issues|everything_is_fine|everything_is_operational|all_systems_operational"
)
# Courts that hear claims against a company, named as customers and lawyers write them ("the Superior Court").
_CLAIMS_COURT = "superior|district|county|circuit|magistrates|magistrates'|bankruptcy"
# Before a court's name when it is filed in: "filed in the United States District Court".
_COURT_SYSTEM = "united_states|u.s.|us|federal|state"
# How a customer pays, which a change of payment method names: "we won't be paying it by direct debit any more".
_PAYMENT_METHOD = (
    "card|cards|credit_card|debit_card|direct_debit|invoice|invoices|paypal|bank_transfer|wire|wire_transfer"
    "|cheque|check|ach|sepa|bacs|apple_pay|google_pay|purchase_order|po"
)

_PATTERNS: dict[str, list[str]] = {
    "contract_value": [
        "contract|deal|account|renewal|business worth",
        "contract|deal|account valued at",
        "annual|yearly|total|multi-year contract|account value",
        "contract value|size",
        "acv|arr|mrr",
        "annual|monthly recurring revenue",
        "in|of annual|yearly? revenue|spend",
        "enterprise contract|agreement|customer|account|plan",
    ],
    "cancellation": [
        f"{_CANCEL}|terminate|terminating|close|closing|delete|deleting|end|ending {_DET}? {_CANCELLABLE}",
        f"want|wants|like|need|wish|trying|going|decided|ready|how|way|request to {_CANCEL}",
        f"please {_CANCEL}",
        f"{_CANCEL} it|everything|immediately|now|today|asap",
        "cancellation|cancellations|termination|unsubscribe",
        "account closure|deletion",
    ],
    "churn_threat": [
        f"or|otherwise|else i|we|i'm|we're|i'll|we'll? will|am|are|be? going|gonna? to? {_CANCEL}|leave"
        "|switch"
        "|terminate",
        f"consider|considering|thinking|think about|of? {_CANCEL}|cancellation|leaving|switching|terminating",
        f"reconsider|reconsidering|rethinking|reviewing {_DET}? renewal|contract|subscription|relationship",
        # "We will not be renewing on 1 February", "we won't be renewing".
        "not|n't|never|nt be? renew|renewing",
        "no longer be? renew|renewing",
        "non-renewal|nonrenewal",
        "switch|switching|move|moving|migrate|migrating|leave|leaving to|for a|another? different|new|other?"
        " competitor|competitors|alternative|alternatives|provider|vendor",
        # A new platform or solution is churn only when leaving, switching or moving away from the vendor: "we are
        # moving to a new platform (Shopify) and need to reconnect your app" moves the customer's own shop.
        "switch|switching to a|another? different|new|other? platform|solution instead",
        "leave|leaving for a|another? different|new|other? platform|solution",
        "switch|switching|move|moving|migrate|migrating|go|going away from you|your|yours",
        "take|taking|move|moving our|my business elsewhere",
        # "whether we should keep paying for a platform that can lose three years of data"; using us, not one of our
        # features ("whether we should keep using the legacy importer").
        "whether|if we|i should|shall|would keep|continue paying|renewing",
        "whether|if we|i should|shall|would keep|continue using you|yours",
        "whether|if we|i should|shall|would keep|continue using your product|service|platform|software",
        "look|looking|shop|shopping|evaluate|evaluating at|for|around? alternatives|competitors|other_vendors",
        "your|a competitor|competitors",
        "done with you|your company|service|product?",
        # "fix it or we're gone".
        "or|otherwise|else i'm|we're|i_am|we_are|i'll_be|we'll_be|i_will_be|we_will_be gone|done",
    ],
    "refund_request": [
        "refund|refunds|refunded|refunding|reimburse|reimbursed|reimbursement",
        "my|our money back",
        "give|pay me|us back",
    ],
    "chargeback": [
        "chargeback|chargebacks",
        "charge back",
        "charge - back",
        "dispute|disputed|disputing the|this|a|my charge|transaction|payment with my|the bank|card|issuer",
        "file|filed|filing|open|opened|opening a dispute",
        "reverse|reversed|reversing the|this charge|payment|transaction",
        "call|calling|contact|contacting|told|asked my bank|card_issuer|credit_card_company",
        "credit card company|companies",
        "stop payment",
    ],
    "billing_dispute": [
        "double charged|billed|billing|charging|charge",
        "double - charged|billed",
        "charged|billed me|us? twice|double|again",
        "charged|billed me|us? two|three times",
        "overcharged|overcharging|overbilled|overcharge",
        "wrong|incorrect|inaccurate|inflated|erroneous invoice|invoices|bill|bills|charge|charges|amount",
        "invoice|bill is|'s|was wrong|incorrect",
        "unauthorized|unauthorised|unexpected|unknown|unrecognized|duplicate|extra|hidden|surprise|bogus"
        " charge|charges|fee|fees|payment|payments|transaction",
        "billing error|mistake|issue|dispute|problem|discrepancy",
        "i|we never|didn't|did_not authorise|authorised|authorize|authorized it|this|that|them|these|the_charge"
        "|the_payment|this_charge|this_payment",
        "still being|getting charged|billed",
        "charged|billed after i|we cancelled|canceled",
        f"you|they|u {_CHARGE}|billed me|us|my",
        f"keep|keeps|kept {_CHARGE}|billing",
        "dispute|disputing the|this|an? full|entire|whole? charge|invoice|bill|amount|total|fee|fees",
        # Charged a price the customer did not agree to: "we were charged the old price of $49 instead of $39". A
        # price that is only the full or original one needs the complaint after it ("billed us the full price even
        # though we have the discount"): "we were invoiced the full amount upfront, which is what we wanted".
        "charged|billed|invoiced me|us? the|a? old|wrong|higher|previous|outdated|incorrect price|rate|amount|fee",
        "charged|billed|invoiced me|us? the|a? full|original|standard|regular|list price|rate|amount|fee even|despite"
        "|instead|although|though|but|regardless",
        # Lemmas match, so "dispute" also reads "disputed": "Disputed overage invoice".
        f"dispute {_DET}? overage|usage|renewal|monthly|annual|latest|last|final|new invoice|invoices|charge"
        "|charges|bill|bills|fee|fees",
        # The customer refusing to pay: "we won't be paying this until we see the usage data" (not "the checkout
        # will not pay it out").
        "i|we wo|will|would n't|not|nt be? pay|paying this|that|it|the_invoice|the_bill|these_charges|for_this|for_it",
        "refuse|refusing|refused to pay|paying this|that|it|the_invoice|the_bill|these_charges|for",
        # A price or a term the customer did not agree to: "now I'm told it costs $2,500. That's not what we agreed",
        # "we never agreed to this fee". The negator belongs to the pattern: it is the dispute, not its negation.
        # Not "not what we were told" or "not what I signed up for", said of a fix or a product as often as of a price.
        "not|n't|never what we|i agreed|agreed_to|were_quoted|was_quoted",
        "never|n't|not agree|agreed to this|that|the|these|those|any|a fee|fees|charge|charges|price|prices|increase"
        "|rate|amount",
    ],
    "legal_action": [
        # Proceedings, threats and lawyers brought in, not the words "legal" or "lawyer" alone: "the legal
        # department wants a new laptop" and "my lawyer asked whether you keep call recordings" are a
        # specialist's question (the legal trigger), not legal action.
        "my|our lawyer|lawyers|attorney|attorneys|solicitor|solicitors|barrister say|says|said|advises|advised|told",
        # Not "subpoena": a court's request for records is a lawyer's question for the specialists (docs/labelling.md).
        "lawsuit|lawsuits|litigation|litigate|sue|sued|suing|copyright|dmca",
        "law firm",
        "legal action|actions|proceedings|steps|recourse|remedies|remedy|claim|claims|dispute|threat|notice",
        f"hire|hired|hiring|retain|retained|retaining|engage|engaged|consult|consulted|consulting|contact"
        f"|contacted|contacting|get|got|call|called|involve|involved|involving|instruct|instructed|instructing {_DET}?"
        " law_firm|lawyer"
        "|attorney|solicitor|lawyers|attorneys|solicitors|legal_counsel",
        # The customer's own legal team as a threat, not as a description of who they are.
        "forward|forwarded|forwarding|refer|referred|referring|pass|passed|passing|hand|handed|send|sent|escalate"
        "|escalated|escalating|take|taking|taken this|it|the_matter|this_matter? to|with our|my legal|litigation"
        " team|department|dept|counsel",
        "our|my lawyer|lawyers|attorney|attorneys|solicitor|solicitors|legal_team|legal_department|counsel will"
        "|are|have|has|'s|shall be|been? contact|contacting|contacted|in_touch|pursue|pursuing|advised|advising"
        "|instructed|sending|send|drafting|filing|preparing",
        "class action|lawsuit",
        "class - action",
        "commence|issue|initiate|bring|start proceedings|litigation",
        "file|join|bring|start|launch a|the? class action|lawsuit",
        "file|join|bring|start|launch a|the? class - action",
        "to|into|in court",
        "court case|order|action|date",
        "small claims",
        "breach|breached|breaching of? the|our|this|your? contract|agreement|sla|terms|msa",
        "sla penalty|penalties|breach|credit|credits",
        "cease and desist",
        # Pre-action steps in UK and Irish practice: the letter that precedes a claim.
        "letter before action|claim",
        "letter of claim",
        "pre-action letter|protocol",
        "law enforcement",
        # A claim already filed: "a complaint was filed in the Superior Court", "the summons", "named as a
        # defendant". A court that hears claims with the filing named, never the court alone: "our office is next
        # to the District Court building", "the Superior Court ruling changed how we report sales tax".
        f"file|lodge|issue|bring|commence|start in|with|before the? {_COURT_SYSTEM}? {_CLAIMS_COURT} court",
        f"claim|claims|complaint|proceedings|petition|suit|lawsuit|action in|with|before the? {_COURT_SYSTEM}?"
        f" {_CLAIMS_COURT} court",
        f"claim|claims|complaint|proceedings|suit|lawsuit|action against you|your_company|your_firm|your_business"
        f" in|with|before the? {_CLAIMS_COURT} court",
        f"{_CLAIMS_COURT} court claim|claims|complaint|proceedings|action|lawsuit|suit|summons|filing",
        # Matched as written ("summon" is a literal lemma): "I was summoned to jury duty" is no claim.
        "summons",
        "named as a? defendant|defendants",
        # Termination rights invoked (the guide's tier 3): "terminate the agreement for material breach", "hereby
        # exercises its right to terminate". A question ("do we have the right to terminate?") invokes nothing.
        "material|fundamental|repudiatory breach",
        "exercise|exercises|exercising|exercised|invoke|invokes|invoking|invoked its|our|my|the? right|rights to"
        " terminate",
    ],
    # Named apart from legal_action (which also matches): the labelling guide sends a class action to executives.
    "class_action": [
        "class|collective action|actions|lawsuit|lawsuits|suit|claim|claims|litigation|arbitration|settlement",
        "class - action",
        "file|join|bring|start|launch|certify a|the? class|collective action|lawsuit|suit",
        "file|join|bring|start|launch|certify a|the? class - action",
        "mass arbitration|arbitrations",
        "on behalf of the class",
    ],
    "privacy_regulation": [
        "gdpr|ccpa|cpra|hipaa|pci|ferpa|coppa|lgpd|pipeda|wcag|dsar",
        "data protection",
        "privacy law|laws|act|regulation|regulations|rights|violation",
        "subject access request|requests",
        "data subject request|access|rights",
        "right to erasure|deletion|rectification",
        "right to be forgotten",
        "erase|delete|remove all? my|our personal data|information",
        "accessibility law|lawsuit|compliance",
        "ada compliance|compliant|lawsuit",
        "section 508",
        "data breach",
        # Counsel reviewing our data-processing terms is a lawyer's question for the specialists (docs/labelling.md,
        # tier 2): the transfer mechanisms our terms name (the terms themselves: _IN_CONTEXT).
        "standard contractual clauses",
        "sccs",
        "data privacy framework",
        "transfer impact assessment|assessments",
        "international|cross - border data transfer|transfers",
        # Personal data shown to the wrong customer: a personal-data breach (docs/labelling.md), which a customer
        # reports in plain words ("I can see someone else's invoice", "my details have been shown to anybody").
        f"personal data|information|details of|from|belonging_to other|another|different {_OTHER_PARTIES}|people|users",
        f"{_SEE} {_SOMEONE_ELSES} invoice|invoices|name|address|details|personal|data|information|card|email|phone"
        "|account|order|orders|bank|payment|payments|records|record|receipt|receipts",
        # An erasure or do-not-sell request in plain words: "I want all my data gone", "delete my account and all my
        # data", "I don't want you selling or passing my details to anyone".
        "want|need|like all? of? my|our personal? data|details|information gone|deleted|erased|removed|wiped",
        "delete|erase|remove|close my|our account|profile and all? of? my|our? personal? data|details|information",
        "sell|pass|share|selling|passing|sharing my|our personal? data|details|information to|with anyone|anybody"
        "|others|third_parties|advertisers|partners",
        "my|our personal? details|data|information|address have|has|had|may|might|could? be? shown|exposed|leaked"
        "|disclosed to anybody|anyone|others|someone|someone_else|strangers|other_customers|other_people",
    ],
    "regulator_complaint": [
        "regulator|regulators|ombudsman|ftc|cfpb|bbb|occ|fdic|fcc",
        "regulatory body|authority|agency|complaint",
        "better business bureau",
        "attorney|attorneys general",
        "consumer protection|affairs",
        "trading standards",
        "federal trade commission",
        "consumer financial protection bureau",
        "data protection authority|commissioner|commission",
        # Named supervisory bodies customers actually cite (UK, EU, US state level).
        "ico|cnil|edpb|fca|ofcom|ofgem",
        "bafin|datatilsynet|finanstilsynet|finansinspektionen|aepd|finma|consob|acpr|cssf",
        "autoriteit persoonsgegevens",
        "dutch ap|dpa",
        "information commissioner",
        "supervisory authority",
        "state attorney general",
    ],
    "fraud": [
        "fraud|fraudulent|fraudulently|scam|scammed|scammers|scammer",
        "identity theft",
        "stolen card|identity|credit",
        # The guide's own example of fraud: "I have filed a police report", made by the customer. A police report
        # in the customer's own business ("claimants upload their police report") is not one.
        "i|we have|'ve|had|'d? already? file|make|open|lodge|raise|submit|get a|an|the? police report|complaint|case"
        "|reference",
        "police report|complaint|case has|have|had|was|were? been? file|make|open|lodge|raise|submit",
        "my|our police report|reference|crime_number",
        "report|reported|reporting it|this|them|the_account|the_matter|the_theft|the_fraud|the_crime|the_incident to"
        " the? police",
        "contact|call|inform|notify|alert|involve the police",
        # Someone passing as the customer or the vendor: "an account pretending to be us", "impersonating our
        # company", "an email claiming to be from you".
        "pretend|pretends|pretending|posing|claiming to be us|me|our_company|you|your|from",
        "posing|pose|poses|posed as us|me|our|you|your",
        "impersonate|impersonates|impersonating|impersonated|impersonation",
    ],
    "outage": [
        "outage|outages|downtime",
        "down for everyone|everybody|all|us|the_whole|the_entire",
        "site|website|app|application|service|system|server|servers|platform|api|dashboard|portal|prod"
        "|production|page|pages|login"
        "|everything|network|database|email|checkout is|are|'s|went|was|has|have? been? completely"
        "|totally? down"
        "|offline|unavailable|unreachable",
        # Down again and again: "the service has been going down intermittently all morning".
        "site|website|app|platform|api|service|system|server has|have|keeps|kept|is|are been? going down",
        "nobody|no_one|noone|none_of_us can|could|is|'s|are able? to? log|access|use|connect|login|sign|reach|work",
        "all|every of? our|my|the? users|customers|staff|employees|agents|clients|user|customer are|is|'s|were?"
        " affected|blocked|locked|impacted|unable|down",
        "entire|whole company|team|office|organization|organisation is|'s? down|offline|blocked|affected|locked_out",
        _STATUS_PAGE_SAYS,
        "is|are there a|an known|ongoing|current? incident|outage",
    ],
    "data_loss": [
        "data loss|corruption",
        f"lost|lose|losing all|some? of? my|our|the|your? customers'|clients'|customer|client? {_DATA}",
        f"{_DATA} is|'s|are|was|were|has|have? been|got? gone|missing|deleted|wiped|erased|corrupted|corrupt"
        "|lost"
        "|disappeared|vanished",
        "corrupt|corrupted|corrupting|wiped",
        "deleted|erased all|everything",
        # Named as gone: "how can we restore the deleted records?", "the missing orders".
        f"the deleted|wiped|erased|lost|missing|corrupted {_DATA}",
        # Gone everywhere at once: "notes are missing from every workspace in our account".
        "missing|gone|disappeared|vanished|wiped|deleted|erased from every|all|each of? our|my|the? workspace"
        "|workspaces|account|accounts|project|projects|folder|folders|device|devices|user|users|team|teams|board"
        "|boards",
        # Whether it can come back: "is the data recoverable", "if the notes can be recovered at all".
        f"{_DATA} be? recoverable|retrievable|unrecoverable|irrecoverable|irretrievable",
        f"{_DATA} be n't|not recoverable|retrievable",
        # A span of history lost: "a platform that can lose three years of data", "lost 3 years", "lost weeks of data".
        # Matched on lemmas, so the unit slot takes "years" too; the count before it is optional.
        "lose|lost|losing one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|a_few|all|a|an|1|2|3"
        f"|4|5|6|7|8|9|10|11|12|18|24|36? year|month|week|day of {_DATA}",
        # Asked back, so lost: "get me a human who can get my data back". A question on how is vetoed.
        f"get|bring my|our|all_my|all_our {_DATA} back",
        f"{_DATA} can|could|will|be be? recovered|restored|retrieved",
        # Asked of us, not done by the customer: "can you restore them from a backup?", not "we restored it from
        # our own backup" or "how do I restore a deleted project?".
        # "You restore" is the request inside "can you restore", so no modal slot (it multiplied the phrases by 4).
        "you|u please? restore|recover|retrieve|undelete it|them|this|that|these|those|everything from a|the|your"
        "|any? backup|backups|snapshot|snapshots",
        f"you|u restore|recover|retrieve|undelete my|our|the|all? {_DATA} from a|the|your|any? backup|backups|snapshot"
        "|snapshots",
    ],
    "security_incident": [
        "hacked|hacker|hackers|compromised|breach|breached|phishing|malware|ransomware|spyware|keylogger",
        "leak|leaks|leaked|leaking",
        "unauthorized|unauthorised access|login|logins|sign-in",
        "someone|somebody else? logged|logging|signed|got into|in",
        "someone|somebody else? tried|trying|attempted|attempting to log|sign into|in",
        "someone|somebody else? accessed|used|is_using my|our account|accounts",
        "exposed my|our|customer|customers|personal|passwords|credentials|data|keys",
        "data|password|passwords|credentials|credential|key|keys|token|tokens exposed",
        "vulnerability|vulnerabilities|exploit|exploited|xss|csrf|cve",
        "security incident|issue|hole|flaw|vulnerability|problem",
        "account takeover",
        "suspicious login|logins|activity|sign-in|sign-ins",
        # Someone nobody knows in the account: "an unknown admin was added", "a login from an unrecognised device".
        # A device or session is unknown to a scanner's pairing too ("Error: unknown device"): only one that got in.
        "unknown|unrecognised|unrecognized|unfamiliar admin|admins|administrator|administrators|login|logins"
        "|sign-in|sign-ins|ip_address|ip_addresses",
        "unknown|unrecognised|unrecognized|unfamiliar device|devices|session|sessions be|have? been? added"
        "|logged|signed",
        "login|logins|sign-in|sign-ins|access from a|an unknown|unrecognised|unrecognized|unfamiliar device|devices",
        # Not "get through SSO", which a login failure says ("users can't get through SSO").
        "bypass|bypassed|bypassing|get|got past mfa|2fa|two-factor|sso",
        "bypass|bypassed|bypassing mfa|2fa|two-factor|sso|authentication",
        "sql injection",
        "privilege escalation",
        # Another customer's data shown to this one (the vendor's incident, whoever the customer).
        f"{_SEE} {_SOMEONE_ELSES}",
        # Not invoices, orders or documents "from other companies", which a business receives every day.
        f"data|details|information|records|rows from|of|belonging_to other|another|different {_OTHER_PARTIES}",
        "ids|records|data|rows|projects|accounts|files|documents|invoices|orders|customers|entries that|which? do"
        " n't|not belong to us|me|our|my",
        # Another party's document sent to this customer: "had a PDF attached that isn't ours", "the statement of
        # another company". Not documents "from" another company, which a business receives every day.
        # Not "a report" or "a file" that is not mine: a credit report's accounts ("items on my report that are not
        # mine") are identity theft, not our leak.
        "pdf|pdfs|attachment|attachments|document|documents that|which? be|do n't|not ours",
        # Not "a report of another customer with the same problem".
        "pdf|pdfs|attachment|attachments|statement|statements|invoice|invoices|document|documents of|belonging_to"
        " another|a_different company|customer|client|business|organisation|organization",
        "cross-account|cross-tenant|cross-customer|cross-workspace|cross-organisation|cross-organization access"
        "|leak|leakage|exposure|data|contamination",
        f"exposed|leaked|leaking|shown|visible|accessible to other|another|different {_OTHER_PARTIES}",
        "exposed|leaked|leaking to us|others|third_parties|the_public|anyone|everyone|the_internet",
        # Led by the data, so that "no data was exposed to other customers" reads the negator before it.
        f"data|information|details|records be|been|have|has? exposed|leaked|shown to us|others|other|another"
        f"|different|third_parties|the_public|anyone|everyone {_OTHER_PARTIES}?",
    ],
    "repeat_contact": [
        # Explicit wording about contacting support, not "still broken" or "again": a first message says those
        # too. Earlier contacts in the ticket's history are counted by triage.text.trajectory.
        f"{_NTH} time i|i'm|i've|we|we're|we've|that_i|that_we am|are|have? {_CONTACTING}",
        f"{_NTH} time {_CONTACTING}",
        f"{_CONTACTING} about|regarding? this|it? for the {_NTH} time",
        f"{_NTH} email|emails|message|ticket|call|request|attempt|follow-up|chaser|reminder",
        "not the first time i|we|i've|we've|i'm|we're",
        "already told|explained|reported|contacted|called|emailed|sent|asked|provided|mentioned|submitted"
        "|raised|opened|wrote|written|logged",
        "reported|raised|logged|opened|mentioned|flagged|submitted this|it|a_ticket|the_issue last week|month"
        "|friday|monday|time|before|earlier|previously",
        "contacted|called|emailed|written|wrote|asked|reported|raised|chased|messaged|phoned you|support|this"
        "|about_this? multiple|several|numerous|many|countless|three|four|five|two|3|4|5 times",
        "as i|we said|mentioned|explained|stated",
        # The customer's own contacts counted: "I called twice" (not "the webhook is called twice").
        "i|we|i've|we've have? contacted|called|emailed|written|wrote|asked|chased|messaged|phoned you|support"
        "|about_this? twice",
        "how many times",
        "keep|kept having? to? ask|asking|calling|emailing|contacting|writing|chasing",
        "nobody|no_one|noone has|'s|have? ever? replied|responded|gotten|got|answered|called|helped|bothered",
        "n't|not|never|nt heard back",
        "follow|following|followed up",
        "follow - up",
        "previous|last|earlier|another|original ticket|tickets|case|request|email|emails",
        "reopened|reopen|re-opened|reopening",
    ],
    "deadline": [
        f"by|before|until|due {_WHEN}",
        "by|before|until the? end of the? day|week|month|quarter|business",
        "by|before close of business",
        "end of day",
        "eod|cob",
        "deadline|deadlines|time-sensitive",
        "time sensitive",
        "within the|an hour|day",
        f"launch|launching|demo|audit|presentation|board_meeting|go_-_live|golive is|'s|on? {_WHEN}|today",
    ],
    "urgency": [
        "urgent|urgently|asap|emergency|critical|immediately|rush|hurry",
        "as soon as possible",
        "right away|now",
        "top|high|highest priority",
        "p0|p1",
        "time is|'s of the essence",
    ],
    "escalation_demand": [
        f"speak|talk|speaking|talking|escalate|transfer|connect to|with {_DET}? {_MANAGER}",
        f"your|a|the {_MANAGER}",
        "escalate|escalated|escalating|escalation",
        "let|get me speak|talk to|with someone",
        "someone in charge",
        "higher up|ups",
        "higher - ups",
    ],
    "public_review_threat": [
        "leave|leaving|write|writing|post|posting|give|giving a|an|my? bad|negative|terrible|honest|scathing"
        "|public? review|reviews|rating",
        "1|one|zero -? star|stars review|reviews|rating?",
        f"post|posting|share|sharing|tweet|tweeting|write|writing|complain|complaining about? this|it? on {_SOCIAL}",
        f"on {_SOCIAL}",
        "go|going public",
        "tell|telling|warn|warning everyone|everybody|others|people|friends",
        "to|contact|contacting|call|calling the press|media",
        "journalist|journalists|reporter|reporters",
    ],
    # Routine questions, which front-line answers whatever product words they hold ("How do I rotate our API
    # key?"). Features for the heads, never a rule by themselves.
    "how_to_question": [
        "how do|does|can|could|should|would i|we|you|one",
        "how to",
        "how many|much do|does|can|will|would|be",
        # "Is there at least a way to pin it?" asks the same as "is there a way".
        "is|are there at_least|even|still? a|an|any|some? way|option|setting|settings|guide|tutorial|integration|plugin"
        "|limit|template|templates|shortcut|report|export|feature|tool|button|discount|document|article|faq|trial"
        "|mode|function|filter|view|field|role|permission|automation|app|api|version",
        # The same with a word saying which kind: "is there an offline mode", "are there any bulk tools".
        "is|are there a|an|any|some offline|online|mobile|desktop|dark|bulk|free|cheaper|simpler|easier|faster|quicker"
        "|simple|easy|quick|automatic|automated|native|separate|custom|shared|local|annual|monthly|yearly|student"
        "|nonprofit|discounted|official|basic|advanced|default|recurring|scheduled|single|admin way|option|setting"
        "|settings|guide|tutorial|integration|plugin|limit|template|templates|shortcut|report|export|feature|tool"
        "|tools|button|discount|document|article|trial|mode|function|filter|view|field|role|permission|automation"
        "|app|api|version|plan|account|login|sync|backup",
        # Asking for the step a setup lacks or for a first thing to try: front-line guidance ("did we miss a
        # step?", "anything I can try?"). Not "what did we do wrong to deserve this", "what am I missing here,
        # the button does nothing", "anything else we can try?" after a failed fix, or "the page where I can
        # change it is blank": those report a problem, so they stay out.
        "did|have i|we miss|missed a|any step|steps|setting",
        "be i|we missing a|any? step|steps|setting|something",
        "anything|something i|we can|could|should try",
        "can|could i|we give|add|change|set|get|use|export|import|see|switch|invite|download|pay|upgrade|downgrade"
        "|pause|move|transfer|update|make",
        "is it possible to",
        "is|would that|this possible",
        # The same asked of several wishes at once: "is all of that possible on the Business plan?", "is that all
        # possible on the Pro plan?".
        "be all|any|either|both|each|some|part of that|this|these|those|it|them possible",
        "be that|this|these|those|it|them all|both possible",
        "where do|does|can|should i|we find|change|set|turn|see|get|add|edit|update|go|upload|download|enter|send"
        "|check|view|manage|configure",
        # The same asked inside a sentence or in a learner's word order: "tell me where I can see the status",
        # "where I can find the invoice?".
        "where i|we can|could|should find|change|see|get|check|view|download|upload|update|edit",
        "walk|talk|take me|us through",
        "what be|'s the best|easiest|right|quickest? way",
        "what be the difference|differences",
        "difference between",
        "difference|differences in price|prices|cost|costs|pricing|fees",
        "do you offer|support|sign|provide|have a|an|any",
        # A question on what something would cost or who qualifies for a price: a question about cost, no money
        # contested (docs/labelling.md). Asked, not told: "we would qualify for" and "the fee was" do not match.
        "what would|will the fee|fees|price|prices|cost|costs|rate|rates|charge|charges be",
        "do|does|would|will|can we|i|it|they qualify for",
        "be we|i|they eligible for",
        # A request for a document, routine even beside a small problem ("the invite never arrived, could you
        # resend it?"); a change to the account is in _PLAIN_ASKS, gated by trouble.
        "could|can|would you please? send|resend|email|share|forward|provide",
        "please|pls|plz send|resend|email|share|forward",
        # A plan to change, often after a refund within policy: "could you refund the annual charge and put me on
        # monthly instead?". Someone else's doing is vetoed ("you moved us to annual without asking").
        f"and|please|pls|plz|kindly put|move|switch me|us back? on|onto|to {_PLAN_TO}",
        f"could|can|would you please? put|move|switch me|us back? on|onto|to {_PLAN_TO}",
    ],
    "feature_feedback": [
        "feature request|requests|idea|ideas|suggestion|suggestions|wish",
        "any plan|plans for|to",
        "roadmap",
        "would be nice|great|helpful|useful|awesome|good|handy if|to",
        "please|could_you|can_you add|support|bring_back",
        "dark mode|theme",
        "colour|color scheme|schemes|palette|palettes",
        "new look|layout|design|theme|interface|ui|font|fonts|icons|menu|navigation",
        "redesign|redesigned|makeover|facelift",
        "old layout|design|look|interface|ui|version be better",
        "not a fan of",
    ],
}

# A refund the customer issued to their own buyer, anywhere in the ticket, makes the refund it mentions again later
# theirs too: "we refunded one of our clients EUR 340 ... the refund went through on our side, but the receipt
# still shows the full amount" asks no refund of us. Only definite mentions (_OWN_REFUND_MENTIONS) are dropped:
# "we refunded our client, and now you owe us a refund for the double charge" still asks for one.
# Kept short: each pattern is expanded into every phrase it spells, and the matcher is built at process start.
# Currencies an invoice or a quote is asked in: "could you issue it in GBP instead of EUR?".
_CURRENCY = "gbp|eur|usd|cad|aud|chf|nzd|sek|nok|dkk|euro|euros|dollars|pounds|sterling"
# Short asks on a limit, a price or where a setting is: routine alone ("Is there a storage cap on the Team
# plan?"), but the same words open a problem report ("Is there a rate limit? Our integration has been down for six
# hours with 429 errors"). They count only in a text that reports no trouble (_TROUBLE), and not when asked of the
# past ("why did it charge more than the quote?": lemmas match, so the pattern's "do" also reads "did").
_PLAIN_ASKS: dict[str, list[str]] = {
    "how_to_question": [
        # A routine change to the account ("please change the company name on our invoices"),
        # unless the text reports trouble ("... we have been invoicing the wrong entity for a year"). Not an unlock,
        # a reset, a removal, a confirmation or "please update me": those ask to undo a problem ("please remove the
        # charge I never authorised", "could you unlock my account? Someone tried to log in") or chase one.
        "could|can|would you please? change|add|switch|extend|pause|reissue|upgrade|downgrade",
        "please|pls|plz change|add|switch|pause|reissue|upgrade|downgrade|close",
        # Which feature does a job, whether it can be narrowed, and the docs that did not say: "which report do I
        # need?", "can it be filtered to one workspace?", "couldn't find it in the admin docs".
        "which report|setting|option|export|role|permission|field|filter|view|template|plan|integration do|should i|we"
        " need|use|pick|choose|run",
        "can|could it|this|that|they|the_report|the_list|the_export|the_log|the_view be filtered|exported|sorted"
        "|grouped|scheduled|narrowed|limited|restricted|split|customised|customized|automated",
        "not|n't find it|this|that|one|anything in the|your? admin|help? docs|documentation|help_centre|help_center"
        "|faq|guide",
        "could|can|would you please? update our|my|the billing|invoice|payment|card|address|email|name|plan|details"
        "|company|vat|tax|contact|seats|seat",
        "please|pls|plz update our|my|the billing|invoice|payment|card|address|email|name|plan|details|company|vat"
        "|tax|contact|seats|seat",
        "can|could you show|tell|explain me|us? how",
        # A limit with a word saying which: "is there a practical limit on how many widgets a dashboard holds?".
        "is|are there a|an|any practical|hard|maximum|max|upper|size|storage|rate|file|user|seat limit|limits|cap|caps",
        "is|are there a|an|any maximum|max|minimum|min|upper number|amount|count of",
        # Where a setting is, asked without a verb of doing: "where is that setting in the store admin?", "where are
        # the export options?". Not "where is my report?", which is missing.
        "where be|'s the|that|this|these|those export|import|sharing|privacy|notification|billing|account|display"
        "|language|email|sync|admin|user? setting|settings|option|options|button|toggle|switch|menu|page|tab|field"
        "|report|feature|template",
        # What a feature or a plan change would cost: "does it cost anything extra?", "do we need to upgrade?".
        "do|does|will|would it|that|this cost|charge anything|extra|more",
        "do|will|would i|we need to upgrade|downgrade",
        # How a price works at another volume, term or plan: "what does the fee structure look like above $50k?",
        # "do you prorate?", "is there a volume break above 50 seats?", "is the rate negotiable at that volume?".
        "how do|does|would|will the|your? price|prices|pricing|fee|fees|billing|proration|rate|rates|tier|tiers"
        "|discount|discounts|renewal|upgrade|downgrade work",
        "how the|your price|prices|pricing|fee|fees|billing|proration|rate|rates|tier|tiers|discount|discounts"
        "|renewal|upgrade|downgrade work|works|would_work",
        "the|your fee|fees|pricing|price|cost|rate|volume|discount structure|structures|schedule|model|tiers|breaks"
        "|options look like",
        # Asked of the price, not a prorated refund claimed ("are we entitled to a prorated refund?").
        "do|will|would|can|does you|it|they prorate|pro-rate",
        "be it|this|that|they|seats|charges|the_charge|the_upgrade|the_price|the_difference prorated|pro-rated",
        "how do|does|would|will proration|prorating work",
        "volume|bulk|tiered|annual|multi-year|nonprofit|education pricing|discount|discounts|tier|tiers|break|breaks"
        "|rate|rates",
        "cheaper|lower|higher|next|published|bigger|larger tier|tiers|plan|rate|rates|price",
        "negotiable",
        "room|scope|possible|way to negotiate",
        "what would|will|does|do it|that|this cost|come_to|be",
        "what be|'s the|our new? monthly|annual|yearly|total? price|total|cost|bill|amount",
        "pricing|price|prices|fees|cost|costs|quote look like",
        "be|'s vat|tax|taxes|gst|shipping|support|onboarding|training|setup|hosting included",
        "cost|price of go|going|moving|adding|upgrading|switching|changing",
        # A change to a document: the currency, the purchase-order number, the name on it ("could you issue it in
        # GBP instead of EUR?", "can the PO reference be PO-1234 on the document?").
        "could|can|would you please? issue|reissue|invoice|bill|address|date|itemise|itemize|split|make_out",
        f"in {_CURRENCY} instead|rather",
        f"invoice|invoices|billing|quote|currency to|into {_CURRENCY}",
        "could|can|would the quote|invoice|invoices|document|receipt|contract|order_form be addressed|issued|made_out"
        "|sent|dated|split|reissued|changed|updated",
        "po|purchase_order number|reference|ref|numbers",
        "currency of|on the|our|this|that|each? quote|invoice|invoices|document|contract|order",
        "thanks|thank_you for the|your quote|quotation|proposal|estimate|renewal_quote",
        "number|numbers|figure|figures|quote|pricing|everything look|looks right|good|fine|correct",
        # A company or legal-name change for the invoices: "the legal entity is now ...", "carry the new legal name".
        "new legal|company|business|registered|trading|entity name|names|address|entity|details",
        "company|legal|business|entity? name change|changes",
        "change|changes of|to our|the? company|legal|business|registered|trading name|address|entity|details",
        "legal entity|name be|is|'s now|changing|changed",
        # A refund the customer says our own terms allow: a refund within policy (docs/labelling.md: tier 1), "I'm
        # within your 14-day refund window", "renewals can be refunded within 30 days". Asked beside trouble ("we were
        # charged twice, still within the refund window") it is not routine.
        "within|inside the|your|my? refund|return|returns|cooling_-_off|money_-_back window|period|guarantee",
        "within|inside the|your? 14|30 -? day refund|return|money_-_back window|period|guarantee",
        "can|may be refunded within",
        "be refundable within",
    ],
}
_TROUBLE: dict[str, list[str]] = {
    "how_to_question": [
        "down|offline|broke|broken|crash|crashed|crashing|fail|failed|failing|error|errors|bug|bugs|lost|missing"
        "|disappeared|vanished|stuck|overcharged|twice|doubled|wrong|corrupted",
        "not|never arrive|work|load|come|open|sync|show|appear|send|save|pay|log|login|connect|print|upload|download"
        "|respond|update",
        # A charge disputed politely: "could you explain why the invoice is higher than the quote?".
        "why",
        "incorrect|incorrectly|mistake|mistaken|unexpected|unexpectedly|unacceptable|dispute|disputed|complaint",
        "higher|more|bigger|larger than expected|quoted|agreed|usual|before|last|the_quote|we_were_quoted",
        "higher|more|bigger|larger than we|you agreed|quoted|expected|were_quoted|were_told|were_promised",
        "tripled|doubled|quadrupled|jumped|spiked|skyrocketed",
        "without|no notice|warning|consent|permission|asking|telling|authorisation|authorization",
        "our|the contract says|states|said",
        "we|i be|were|was told|promised",
        "never|not|n't agree|agreed|authorise|authorised|authorize|authorized|order|ordered|sign|signed|request"
        "|requested|prorate|prorated|apply|applied|honour|honor|honoured|honored",
        "stop|stopped work|working|syncing|loading",
        # Billed for what never was: "charged us for 40 seats we never had".
        "never had|used|received",
        # Not "we no longer need 40 seats" or "the sync no longer fails".
        "no longer work|load|sync|open|show|connect|arrive|appear|send|save|print|respond|update|accept",
        "still not|n't|broken|failing|waiting|wrong|missing|stuck",
        # A refund refused is a decision disputed, even inside the refund window: "your agent refused the refund".
        "refuse|reject|deny|decline to|the|my|our|a? refund|refunds|request|return",
        "will|wo|would n't|not refund|honour|honor",
    ],
}
# Words of trouble used otherwise: "before it starts to slow down", "the drop-down", "scale down to 40 seats".
_TROUBLE_VETOES: dict[str, list[str]] = {
    "how_to_question": [
        "slow|scale|count|write|narrow|drill|step|calm|wind|turn|cut|pin|track|scroll|trim|size down",
        "drop down",
        "volume|price|pricing|tier|discount|lunch|coffee|summer|holiday|christmas break|breaks",
        "up and|or down",
        "down payment|payments",
        "why not",
        # A failure negated, often the fix itself: "all sorted, the sync no longer fails".
        "no longer|never fail|crash|freeze|error|break|time_out",
    ],
}

# A message that says its problem is solved, or that nothing is asked of us: "no action needed, just flagging it",
# "sorted now", "fixed it by reconnecting", "you can close this ticket". Routine for front-line support, as long as
# nothing in it is still open (_STILL_OPEN): "it was fixed but broke again", "the workaround no longer works",
# "sorted, but we lost a day's orders", "it's working now but we want a credit for the downtime".
_RESOLVED: dict[str, list[str]] = {
    # What the customer declares about the whole message: read wherever it stands.
    "declared": [
        "no|nothing further|more|else? action|actions|reply|response|follow-up need|needed|required|necessary",
        "no need to do|take|reply|respond|action|follow|look|investigate|escalate|worry|chase|get_back",
        "no need for a|an|any? action|reply|response|follow-up|investigation",
        "nothing you|we need to do|action",
        "nothing for you to do|action",
        "close|closing the loop",
        "false alarm",
        "can|may|feel_free_to close this|the|my|our ticket|case|request|thread|one",
        "can|may|feel_free_to mark this|it|the_ticket as resolved|solved|closed|done",
        "disregard|ignore my|our|the previous|last|earlier email|message|ticket|request",
    ],
    # A solution the customer reports: not asked, hoped or promised ("when will it be fixed?", "once it's sorted").
    "event": [
        # The fault itself gone, not the data: "the duplicates are gone", "the error has disappeared".
        "problem|issue|bug|error|glitch|duplicate|warning|crash|lag|delay be|have now|all|finally? gone|disappeared"
        "|vanished",
        "be|'s|have|get now|all|finally|already|since|been|now_been|all_been? fix|fixed|sort|sorted|resolve|resolved"
        "|solve|solved",
        "fix|sort|resolve|solve now|itself|themselves",
        "all fix|sort|resolve|solve",
        "that|this|which|it fix|sort|solve|resolve it|this|that|things|everything|the_issue|the_problem",
        "fix|sort|resolve|solve|figure it|this|that|everything|things out? ourselves|myself|by|now|already|with",
        "manage to fix|sort|resolve|solve|get|figure",
        # Found a fix, not the cause: "we found the issue - your API rejects every request" is a diagnosis.
        "find|found the|a fix|solution|workaround|setting|answer",
        "find|found the|a cause|culprit|problem|issue|fault|mistake on|at our|my end|side",
        "problem|issue|bug|error solve|solved|resolve|resolved|fix|fixed|sort|sorted",
        "be|'s|'re|it|everything|all|now|things|that|this|which work|works|working again|now|fine_now|perfectly_now"
        "|normally_now|properly_now|as_expected_now",
        "back to normal",
        "back up and running",
        "up and running again",
        "turn out the|our|my|it|that",
        "problem|issue|fault|error|mistake be|'s on our|my end|side",
        "user error",
    ],
}
# A resolution's verb as written: "fixed it by reconnecting" reports one, "please fix it by Friday" asks for one
# (the matcher reads lemmas).
_GONE = frozenset({"gone", "disappeared", "vanished"})
# After "gone", a move and not an end: "the delay has gone up to three days".
_GONE_ON = frozenset({"up", "down", "from", "over", "through", "back", "missing"})
_ALSO = frozenset({"so", "as"})
_ALSO_VERBS = frozenset({"have", "has", "are", "is", "were", "was", "did"})
_ALSO_REACH = 8  # words after "gone" that an "and so have ..." may start in
_RESOLVED_VERBS = frozenset({"fix", "sort", "resolve", "solve", "figure", "manage", "find", "turn"})
_RESOLVED_FORMS = frozenset({"fixed", "sorted", "resolved", "solved", "figured", "managed", "found", "turned"})
# Before a reported solution in its sentence, these words (as written) make it asked, hoped, tried or believed:
# "once it's sorted", "can you get it working again", "I thought they had resolved it"; "we got it working again"
# reports one, "trying to get it working again" does not.
_NOT_YET_WORDS = (
    "if unless once when until whether hope hoping hopefully can ca could will wo would should please need needs "
    "want wants wanted expect expecting may might must try trying tried attempt attempting help get how what why "
    "wait waiting supposed thought think assumed believed seemed"
)
_NOT_YET = frozenset(_NOT_YET_WORDS.split())
_YES_NO_OPENERS_WORDS = "is are was were has have did does do will can could should would when why how what any so"
_YES_NO_OPENERS = frozenset(_YES_NO_OPENERS_WORDS.split())
# Still open, anywhere in the message: it broke again, still fails, no longer works, a new problem, a claim for the
# trouble it caused.
_STILL_OPEN: dict[str, list[str]] = {
    "resolved_update": [
        "break|fail|stop|crash|happen|freeze|hang|die|drop|disconnect|revert|reset|disappear|vanish|recur|reappear"
        "|error|go_down|go_wrong|come_back|be_down|be_broken|be_missing|be_gone|start_fail|start_failing again",
        "no longer work|works|working|load|loads|sync|syncs|help|helps|fix|fixes|apply|run|runs|connect|show",
        "not|n't|never fix|solve|resolve|help|last|stick|hold",
        "not|n't work|working anymore|any_more|again",
        "stop work|working|syncing|loading|sync|load again",
        "another|new|different|separate|second|other|related|similar problem|issue|bug|error|glitch|outage",
        "happen before|twice|repeatedly|regularly|every|each",
        "compensation|compensate|reimburse|reimbursement|goodwill",
        "service credit|credits",
        "credit|refund|discount for the|this|that? downtime|outage|disruption|inconvenience|trouble|hassle|delay"
        "|delays",
        "root cause|analysis",
        "rca|post-mortem|postmortem",
        "incident report",
        "unacceptable|disappointed|disappointing|frustrated|frustrating|furious|angry|annoyed",
        # Closed in defeat: "you can close this one, we gave up after three weeks of nothing".
        "we|i give|gave|have_given up",
        "weeks|days|months of nothing|silence",
        # A fix that did not last, or one still asked for: "the second time", "make sure it stops happening",
        # "please correct November".
        "second|third|fourth|fifth|2nd|3rd|4th|5th|nth time",
        # Still failing, owed or asked, one more of the same: "still no invoice", "I still owe", "I am requesting
        # that you remove", "then I received another letter".
        "still",
        "despite",
        "i|we be? request|requesting|demand|demanding|insist|insisting",
        "receive|get|have|see|notice another",
        "stop|keep happening|recurring",
        "please|pls|kindly correct|repair|investigate|reverse|refund|credit|reissue|fix|look",
        # Harm the fix did not undo, or a contrast: "it's back up, data from 2pm is gone though", "your export had
        # deleted half our contacts", "we were unable to process payroll".
        "gone|lost|deleted|wiped|missing|erased",
        "though|although",
        "unable to",
        "could not|n't",
        "be|were|was down",
        # Unhappy with how it went: "nobody told us for 6 hours", "after waiting 3 weeks for a reply".
        "not happy",
        "nobody|no_one|noone told|informed|warned|notified",
        "poor|terrible|awful|bad|shocking service|support|communication",
        "wait|waiting|waited for? hours|days|weeks|months|ages",
        "hours|days|weeks|months for a|any reply|response|answer",
        "chargeback|chargebacks",
        # A new problem after the fix: "now the export button does nothing", "card numbers were visible in the logs".
        "do|does|did nothing",
        "visible|exposed|leaked|readable in|on the? log|logs",
        "exposed|leaked|leak|breach",
    ],
}
# Trouble after a reported solution in its sentence, or in a sentence that opens on a contrast, is still open:
# "it was fixed but we lost the morning's orders", "However, the export fails now".
_CONTRASTS = frozenset({"but", "however", "unfortunately", "sadly", "except", "although", "though", "yet"})
_PAST_TENSE = frozenset({"did"})

_OWN_BUYER = (
    "a|the|my|our|their|his|her|one_of_our|one_of_my|our_own|my_own|one_of_our_own|one_of_my_own? customer"
    "|customers|client|clients|buyer|buyers|guest|guests|patient|patients|shopper|shoppers|member|members"
)
_OWN_REFUND_CONTEXT = [
    f"refund|refunded|reimburse|reimbursed {_OWN_BUYER}",
    f"issue|issued|process|processed|give|gave|send|sent|make|made|do|did a|the? refund|refunds to {_OWN_BUYER}",
    f"{_OWN_BUYER} ask|want|request|demand for? a|the? refund|refunds",
    # The customer as the one refunding: "a partial refund we gave a client".
    "refund|refunds we|i gave|give|issued|issue|processed|process|sent|send",
]
_OWN_REFUND_MENTIONS = [
    "the|this|that|these|those|said refund|refunds|reimbursement",
    "partly|partially|fully refunded",
    # The refund's own state, a definite mention without its article: "refund not showing on the receipt".
    "refund|refunds not|n't|never? show|showing|shown|appear|appearing|went|gone|going|go|be|been|pending|complete"
    "|completed|processed|status|line|amount|date|reference|id|receipt",
]

# The tail of a phrase whose verb and object stand before it, which no pattern can list ("start moving dispatch to
# another vendor"): a negator anywhere before it in its clause negates it ("we are not moving dispatch to another
# vendor"), and being sent somewhere is no threat ("your desk referred us to another vendor").
_TAILS: dict[str, list[str]] = {
    "churn_threat": ["to another|a_different vendor|provider|supplier|competitor"],
}
# Verbs whose subject sends the customer elsewhere; not "send", "transfer" or "forward", which the customer does to
# their own business ("we will transfer our contracts to another vendor").
_TAIL_VETOES = frozenset({"refer", "redirect", "point"})
# What the customer moves that is no business of ours: "we're moving our DNS to another provider".
_TAIL_TECHNICAL_OBJECTS = frozenset(
    {"dns", "domain", "domains", "cname", "record", "records", "nameserver", "nameservers", "mx", "file", "files"}
)

# Non-literal uses: a veto overlapping a match of the same signal drops that match.
_VETOES: dict[str, list[str]] = {
    "cancellation": [
        f"{_CANCEL} {_DET}? meeting|meetings|appointment|appointments|call|demo|webinar|session|booking"
        "|reservation|interview|event|training|visit|order|orders|print|job|download|upload|dialog|operation"
        "|changes|edit",
        "cancel button|key|icon",
    ],
    "churn_threat": ["ca|can|could|cannot|unable n't|not|nt|to? be? renew|renewing"],
    "refund_request": [
        "i|we|i've|we've? have? refunded|refund|reimbursed|reimburse|refunding my|our|the|a? customer"
        "|customers"
        "|client|clients|buyer|buyers|guest|guests|patient|patients|user|users|shopper|shoppers|member"
        "|members",
        f"refunds|refund to {_DET}? {_THIRD_PARTY}",
        "refund|refunds api|endpoint|webhook|webhooks|method|object",
        f"issue|issued|issuing|process|processed|processing|give|gave|send|sent|make|made a|partial? refund"
        f"|refunds to {_DET}? {_THIRD_PARTY}",
        "how do|can|to i|we? do|issue|process|give|make|send a|the? partial? refund|refunds",
        # The customer's own buyers' refunds: "members can get a refund for unused classes", "we'd rather refund
        # people ourselves".
        f"{_THIRD_PARTY}|people can|could|may|will|would|should get|receive|request a|an|their? partial|full? refund"
        "|refunds",
        "refund|refunded|refunding people",
        # Asking how to refund one's own buyer: "the right way to give a customer a partial refund". The buyer is
        # required: "are you able to process a refund", "any way to send the refund to my card" ask for one's own.
        f"way|how|able to issue|process|give|make|send|do {_DET}? {_THIRD_PARTY} a|the partial|full? refund|refunds",
        "how do|can|to i|we? refund a|the|my|our? customer|customers|client|clients|order|orders|buyer|buyers",
        "refund|refunds policy|policies|window|button|page|feature|settings|rate|rates|report|reports|rules",
        # The customer's own buyer asking them for a refund: "our customer asked for a refund of $89; how do I
        # issue it?". Lemmas match, so "ask" also reads "asked" and "asks".
        f"{_THIRD_PARTY} ask|want|request|demand|expect|claim for? a|an|the|their|his|her? partial|full? refund"
        "|refunds",
    ],
    "billing_dispute": [
        f"{_CHARGE} {_DET}? {_DEVICE}",
        "in charge",
        "free of charge",
        # Details or a choice to change, not a charge disputed: "wrong billing address on our invoices", "wrong
        # billing period, I meant monthly".
        "wrong|incorrect billing|invoice|bill period|cycle|frequency|plan|interval|address|email|contact|details|name"
        "|currency|language",
        # A question or a future, not a charge made: "are we charged the full price if we upgrade?", "please confirm
        # we will be billed the original amount once the discount expires". Lemmas match, so "be" also reads "are"
        # and "were", and "do" reads "did": "why were we charged twice?" and "did you charge me twice?" ask about a
        # charge made and stand; only a question on a price that is just the full one is dropped.
        "will|would|should|could|shall we|i|you|they be|get? charged|billed|invoiced",
        "will|'ll|would|shall|going_to|gonna be charged|billed|invoiced",
        "be|do we|i|you|they get? charged|billed|invoiced the|a? full|original|standard|regular|list price|rate"
        "|amount|fee",
        "if|whether we|i|you|they be|get charged|billed|invoiced",
        # A change of payment method, not a refusal: "we won't be paying this month by card, we'd like to pay by
        # invoice"; "we will not be paying it by direct debit any more".
        f"pay|paying this|that|it|them|the_invoice|the_bill? month|year|quarter|week|time? by|with|via|through"
        f"|using {_PAYMENT_METHOD}",
        # The customer's own buyer disputing the customer's invoice: "one of our customers disputed the monthly
        # invoice we sent them". Lemmas match, so "dispute" also reads "disputed" and "disputing".
        f"{_THIRD_PARTY} has|have|had|is|are|was|were? dispute",
    ],
    # The customer's own business: "our chargeback rate is low", "a chargeback from one of our buyers".
    "chargeback": [
        "our|my|the|your chargeback|chargebacks|dispute|disputes rate|rates|ratio|ratios|volume|volumes|count"
        "|counts|fee|fees|threshold|thresholds|report|reports|policy|process|api|endpoint|webhook|webhooks"
        "|settings|notification|notifications|alert|alerts|dashboard|tab|page|feature|protection|insurance"
        "|management|tool|tools|reason|reasons|code|codes|evidence|form|widget|widgets|chart|charts|graph|graphs"
        "|metric|metrics|breakdown|breakdowns|analytics|statistics|stats|trend|trends|percentage|data|figures",
        f"chargeback|chargebacks|dispute|disputes from|by|with|against {_DET}? {_THIRD_PARTY}",
        # A merchant's own figures, also without an article: "revenue by client, chargeback rate - thankfully low".
        "chargeback|chargebacks rate|rates|ratio|ratios|volume|volumes|count|counts|threshold|thresholds|report"
        "|reports|widget|widgets|dashboard|analytics|statistics|stats|metric|metrics|breakdown|trend|trends",
        # Analysed as a merchant analyses its own: "track chargebacks by country", "our customers' disputes".
        "track|monitor|measure|analyse|analyze|reconcile|forecast|benchmark|chart chargebacks|disputes",
        "chargeback|chargebacks by|per country|issuer|region|month|week|reason|product|channel|brand",
        # Lemmas match, so "open" also reads "opens" and "opened".
        f"{_THIRD_PARTY} file|open|raise|initiate|start|issue|filed|opened|raised|initiated|started|issued a|an?"
        " chargeback|chargebacks|dispute|disputes",
        f"chargeback|chargebacks|dispute|disputes our|my|their? {_THIRD_PARTY} file|open|raise|start|initiate",
        "reason|reasons code|codes for chargebacks|chargeback|disputes",
        # Counted, as a merchant counts its buyers' disputes: "a couple of chargebacks last year hurt our rates".
        "couple|few|number|lot|handful|several|many|multiple|fewer|more|too_many of? chargebacks|disputes",
        # Plural and possessive, as a merchant speaks of the disputes its buyers open: "our chargebacks".
        "our chargebacks|disputes",
        "respond|responding|handle|handling|manage|managing|fight|fighting|contest|contesting|prevent|preventing"
        "|reduce|reducing|avoid|avoiding|win|winning to? a|the|our|my|these|this|those? chargeback|chargebacks"
        "|disputes|dispute",
    ],
    "legal_action": [
        "legal pad|pads|paper|size|sized|name|tender|age|guardian",
        # Law firms as customers: "we are a law firm", "our litigation team", "five attorney seats".
        "we're|we_are|i'm|i_am|as|for|at|of a|an|our|your law firm|firm's|practice",
        "our|my|the|a|your|their? litigation|legal|paralegal|law team|teams|department|departments|dept|group"
        "|practice|practices|boutique|chambers|case|cases|staff|seat|seats|license|licenses|licence|licences|users"
        "|user|assistant|assistants"
        "|secretary|secretaries|ops|operations|software|documents|files|matters|clients|workspace|account"
        "|accounts|billing|firm|firms|office|offices|partners|associates|support|research|tech|it",
        # A firm named by what it practises, said of the customer: "we're a litigation and employment law firm". Not
        # "we have instructed a litigation law firm to recover our losses", which brings one in.
        "we're|we_are|i'm|i_am|at a|an litigation|employment|corporate|commercial|family|criminal|immigration|property"
        "|tax|insurance and|&? litigation|employment|corporate|commercial|family|criminal|immigration|property|tax"
        "|insurance? law firm|firms|practice",
        "lawyer|lawyers|attorney|attorneys|solicitor|solicitors|paralegal|paralegals seat|seats|license|licenses"
        "|licence|licences|account|accounts|login|logins|users|user|profile|profiles|plan|tier",
        "our|the lawyers|attorneys|solicitors|associates|paralegals",
        # One of the firm's staff, not a lawyer brought in: "one of our lawyers says the board loads slowly".
        "one|some|several|two|three|all|most|many|few|each of our|the|my lawyers|attorneys|solicitors|associates"
        "|paralegals|partners",
        "legal - size|sized",
        "attorney|attorneys general",
        "sue from|at|in|and|said|says|is|'s",
        # A court's request for records is a lawyer's question, not a claim: "a subpoena from the District Court".
        f"subpoena|subpoenas|order|orders from|of|by|issued_by|issued_in|filed_in a|the? {_CLAIMS_COURT} court|courts",
        # A summons for jury service or a template in the customer's own app, not a claim served on them.
        "jury summons",
        "summons for|to jury",
        "summons template|templates|form|forms|field|fields|type|types|module|letter|letters|generator|feature",
        # Negated across a word the negation check does not skip: "we are not in material breach of anything",
        # "I was not summoned or named as a defendant".
        "not|n't|never|nor in material|fundamental|repudiatory breach",
        "not|n't|never summoned|sued|served|listed|cited|mentioned or|nor named as",
        # A breach of the customer's own service levels that is still to come, or a product's alert for one:
        # "ping us when a ticket is close to SLA breach", "the SLA breach warning".
        "close_to|near|nearing|approaching|before|avoid|avoiding|prevent|preventing|away_from an|a|the? sla breach"
        "|breaches",
        "sla breach|breaches alert|alerts|warning|warnings|notification|notifications|timer|timers|report|reports"
        "|rule|rules|automation|automations|trigger|triggers|status|view|widget|widgets|setting"
        "|settings|target|targets|metric|metrics|rate|rates|count|counts|dashboard|column|columns|filter|filters"
        "|field|fields|tab|colour|color|indicator|indicators|chart|charts",
        # The customer's own service level, defined for its own callers: "a call waiting 90 seconds counts as an
        # SLA breach for us". Not "your outage counts as an SLA breach under our contract".
        "count|counts|counted|counting|treat|treats|treated|mark|marks|marked|flag|flags|flagged as an|a? sla breach"
        "|breaches for us|me|our|my",
    ],
    "security_incident": [
        "memory|resource|handle|connection|gas|water leak|leaks|leaking|leaked",
        "breach|breached|breaching of? the|our|this|your? contract|agreement|sla|terms|msa|duty|warranty",
        # An obligation broken, never a system: "you are in breach of clauses 6.1 and 9.3", "a breach of clause 12".
        "in breach",
        "breach of the|your|its? clause|clauses|section|sections|obligation|obligations|undertaking|undertakings",
        "sla|slas|contract|contractual|warranty breach|breaches",
        # A contract's breach in a legal letter: "unless this breach is remedied", "a material breach".
        "breach|breaches be|is|'s|are|was? remedied|cured|remedy|cure|fixed",
        "material|continuing|alleged|ongoing|such breach|breaches",
        # A breach in a policy question, not one that happened: "your notification period following discovery of
        # a personal data breach", "what happens in the event of a breach?".
        "in|on the? event|case of a|an|any personal? data? security? breach|breaches|incident|incidents",
        "following|after|upon|on discovery|detection|discovering|detecting of? a|an|any personal? data? security?"
        " breach|breaches|incident|incidents",
        # A duty in a contract, not a breach that happened: "clause 9.1 commits you to notify personal data breaches
        # without undue delay". Bare plural: "we must notify the breach" names one.
        "notify|notifying|report|reporting|notification_of personal? data? security? breaches|incidents",
        # Breaches counted as a figure on a report: "can the daily count of breaches be added to the summary?".
        # "A number of breaches on our account", "the list of breaches affecting our data" name breaches.
        "daily|weekly|monthly|total|breach count|number|tally|list of breaches",
        "count|tally of breaches",
        "breach|incident notification|notifications? period|periods|policy|policies|procedure|procedures|process"
        "|plan|plans|clause|clauses|obligation|obligations|timeline|timelines|window|windows|requirements",
        # Moving one's own data between one's own workspaces: "how do I copy projects from another workspace?". The
        # veto need only overlap the match ("data from another workspace"), so it stops at the data: spelled out
        # with "from another <party>" it was 544,320 phrases and 370 MB in every process.
        f"copy|move|import|migrate|merge|transfer|sync|pull|export|bring|combine|consolidate {_DET}? {_DATA}|details"
        "|information|invoices",
        # A question before buying: "is our data visible to other customers?".
        "be|will|would|could|can my|our|the|your? data|information|details|records be? exposed|leaked|shown|visible"
        "|accessible",
    ],
    "fraud": [
        # The admin feature of signing in as a user: "can admins impersonate a user to debug their dashboard?".
        "impersonate|impersonates|impersonating|impersonated a|the|any|another|other|that|this|their|our|my|specific?"
        " user|users|account|accounts|member|members|employee|employees",
        "user|users|admin|account impersonation",
        "impersonation feature|features|mode|modes|button|setting|settings|option|options|permission|permissions"
        "|role|roles|tool|tools|session|sessions|link|links|log|logs",
        # A threat, not a report made: "if you don't refund me I will report this to the police".
        "will|'ll|would|shall|going_to|gonna|may|might have? to? report|contact|call|inform|notify|alert|involve",
    ],
    # A past failure dated as the cause of something else: "the payment was late only because your payment page was
    # down on 28 October". Not "has been down since 9am", which is still going on.
    "outage": [
        "was|were|went down|offline|unavailable on|last|back_in|during",
        # Where incidents are announced or planned for, not one happening: "outage and maintenance notices for our
        # Slack", "is there an incident feed we can subscribe to?", "our outage runbook".
        "outage|outages|downtime|incident|incidents notice|notices|notification|notifications|alert|alerts|feed|feeds"
        "|subscription|subscriptions|runbook|runbooks|playbook|playbooks|drill|drills|procedure|procedures|policy"
        "|policies",
        "outage|outages|downtime and|or|& maintenance notice|notices|notification|notifications|alert|alerts|feed"
        "|feeds|updates|emails|window|windows",
    ],
    # Mail that has "gone out" or "gone through" was sent, not lost: "none of our report emails have gone out".
    "data_loss": [
        "gone out|through",
        # Wanted gone, an erasure request: "I want all my data gone".
        f"want|need|like all? of? my|our personal? {_DATA} gone|deleted|erased|removed|wiped",
        # Lacking something, not lost: "the exported files are missing a header row".
        f"{_DATA} is|are|was|were missing a|an|the|some|any|their|its",
        # A question on getting one's data back, not a loss: "can I get my data back after I cancel?".
        "can|could|will|would|do|how i|we get|bring",
    ],
    # The name of a process, a queue or a channel, not a demand: "our escalation policy", "the #support-escalations
    # Slack channel".
    "escalation_demand": [
        "privilege escalation",
        "escalation|escalations process|processes|policy|policies|path|paths|matrix|workflow|workflows|rule|rules"
        "|channel|channels|queue|queues|procedure|procedures|setting|settings|level|levels|slack|inbox|view|tag|tags",
    ],
    # "Right now" or "for now" before what is the case: "right now the template only allows one rate", "as of
    # right now we use the free plan", not "I need it fixed right now".
    "urgency": [
        "right now i|we|it|there|the|our|my|you|your|this|that|they|he|she|everything|nothing|only|all|each|every",
        "as_of|for|until|till|from right now",
    ],
    "repeat_contact": [
        "try|trying|log|sign|login|start|restart|check|please again later?",
        "thanks|thank_you again",
        "again later",
        # "how long you keep call recordings" keeps recordings, not calling.
        "keep|kept|keeping call|email|chat|contact recording|recordings|log|logs|record|records|history|data",
        # Someone else told or called: "I have already told my bank to charge back all three".
        "already told|contacted|called|emailed|asked|explained|written|wrote|reported|raised my|our bank|banks"
        "|card_issuer|lawyer|lawyers|accountant|boss|manager|team|colleague|colleagues|customer|customers|client"
        "|clients|insurer|it_department",
    ],
    # A request to fix, politely put, not a feature: "would be good to get them going again this week".
    "feature_feedback": [
        "would|'d be nice|great|good|helpful|handy|ideal|appreciated to get|have this|it|them|these|those|that|things"
        "|everything? working|going|fixed|sorted|resolved|back|running|restored|repaired",
    ],
    # Outrage, not a question: "how is this possible?". A plan change someone else made: "you moved us to annual".
    "how_to_question": [
        "how|why is|was|would that|this possible",
        "they|someone|somebody|it|which|who|side|team|system|agent|rep|colleague have|'ve|had|'d? put|move|switch me"
        "|us",
        "you have|'ve|had put|move|switch me|us",
        # The place where something is done, named in a problem report: "the page where I can change it is blank".
        "page|screen|tab|menu|section|link|form|button|window|portal|area where",
    ],
    "public_review_threat": [
        "on google drive|cloud|sheets|docs|chrome|workspace|analytics|calendar|meet|play|pay",
    ],
}

# Matches that count only in their context (_stake, _own_business, _COUNSEL_WORDS): a signal's words, or a
# veto's ("veto:<signal>").
_IN_CONTEXT: dict[str, list[str]] = {
    # Our data-processing terms are counsel's question only with counsel, a regulator or a transfer in the ticket:
    # "our lawyer is redlining your DPA", not "could you send me your DPA to sign?" or "where is your sub-processor
    # list?".
    "privacy_regulation": [
        "data processing agreement|agreements|addendum|addenda|terms",
        "dpa|dpas",
        "sub - processor|processors",
        "subprocessor|subprocessors",
    ],
    # A business process that hangs on a fault told beside it: "the sync failed. Our payroll depends on it". Not in
    # praise ("our business relies on it - great product") or a question ("does our checkout depend on this?").
    "urgency": [
        "our|my whole? checkout|payments|payroll|billing|invoicing|orders|shipping|dispatch|fulfilment|fulfillment"
        "|sales|production|operations|business|store|shop|launch depend|rely on this|it|that",
    ],
    # The customer's own service levels and chargebacks, unless its sentence says we caused or breached them
    # ("the SLA breach thresholds in our contract with you were exceeded", "our own chargebacks, raised with Amex").
    "veto:legal_action": [
        "sla breach|breaches threshold|thresholds",
        "our|my own sla|slas",
        "customer|customers|client|clients|tenant|tenants|member|members|user|users '|'s sla|slas",
    ],
    "veto:chargeback": [
        "our|my own chargebacks|disputes",
        "customer|customers|buyer|buyers|client|clients|shopper|shoppers '|'s chargeback|chargebacks|dispute|disputes",
    ],
}
# Said beside our data-processing terms, the words that make them counsel's question (a regulator asking is one).
_COUNSEL_WORDS_TEXT = (
    "counsel lawyer lawyers legal solicitor solicitors attorney attorneys review reviewing reviewed redline redlines "
    "redlined redlining amend amended amending amendment amendments negotiate negotiating negotiation transfer "
    "transfers transferred hosting hosted regulator regulators commissioner ico supervisory"
)
_COUNSEL_WORDS = frozenset(_COUNSEL_WORDS_TEXT.split())
# In an own-business veto's sentence, words that make it ours: exceeded, raised with an issuer, caused by us.
_NOT_OWN_BUSINESS = frozenset(
    {"exceeded", "exceed", "breached", "crossed", "raised", "raise", "filed", "file", "opened", "caused", "causing"}
)
_NOT_OWN_WITH = frozenset({"you", "amex", "visa", "mastercard", "bank", "issuer", "paypal"})
# A stake told with no fault word near it (_stake): urgency only beside a technical signal (_signals_of).
_STAKE_IF_FAULT = "urgency_if_fault"


# Context in the same clause that drops a signal's matches in it: the customer's own power or internet failed
# ("We had a power cut so the till app was offline"), which is no outage of ours (docs/labelling.md). A match
# that names the vendor's product ("your dashboard has been down") stands.
_SENTENCE_VETOES: dict[str, list[str]] = {
    # A breach in a clause about service levels is the levels' breach: "30 minutes away from breaching our 4h
    # first-response SLA".
    "security_incident": ["sla|slas", "service level|levels agreement|agreements"],
    "outage": [
        "power|electricity cut|cuts|outage|outages|failure|failures",
        "blackout|blackouts",
        "our|my|the office|shop|store|home? internet|wifi|wi-fi|broadband|isp|router|electricity|power went|was|is|'s"
        "|were|are|has|had|have been? down|out|off|offline",
        "internet|broadband|network|phone|power|electricity provider|company|supplier had|has|'s|having an? outage",
        "no internet|wifi|wi-fi|power|electricity",
    ],
}

_CLAUSE_BREAKS = frozenset({"but", ";", "although", "though", "whereas", "however"})
_YOUR = frozenset({"your", "yours", "ur"})

_NEGATORS = frozenset({"not", "no", "never", "n't", "nt", "n’t", "without", "nothing", "nor"})
# Words that may stand between a negator and what it negates: "not going to cancel", "not asking for a
# refund".
_FILLER_WORDS = (
    "a an the any my our this that these those your really very so too at all even particularly "
    "actually currently be is are am was were been being going gonna to want wanting need needing "
    "asking ask requesting request looking seeking planning plan intend intending on about for of "
    "considering thinking think such big real file filing filed join joining bring bringing pursue pursuing"
)
_NEGATION_FILLERS = frozenset(_FILLER_WORDS.split())
_NEGATION_WINDOW = 4  # filler words allowed between a negator and the match
_INABILITY = frozenset({"ca", "can", "could", "cannot"})  # "can't cancel" still wants to cancel
_CONDITIONS = frozenset({"if", "unless", "why", "until", "whether"})  # "if you don't refund me" threatens
_THREAT_CONDITIONS = frozenset({"if", "unless", "otherwise", "else"})
# Signals that are assertions by their shape: a negator before them changes nothing.
_NOT_NEGATABLE = frozenset({"contract_value", "repeat_contact", "how_to_question", "feature_feedback"})

# An incident (docs/labelling.md: outages, data loss and security incidents go to management) is reported only when
# it happened. Denied with a verb of noticing between ("we are not seeing any outage", "nothing has been leaked", "no
# sign of data loss"), supposed ("if a laptop got stolen", "in case of an outage", "say the API goes down", "should
# the service fail", "what happens when ..."), asked as a how-to question ("how would we revoke all sessions after a
# breach?") or told in a plan ("one scenario for our tabletop exercise is a breach") it names none (_supposed).
_INCIDENT_SIGNALS = frozenset({"outage", "data_loss", "security_incident"})
# A whole organisation locked out is an outage (docs/labelling.md), one user locked out is a front-line fault: "nobody
# in our organisation can log in", "none of our ~600 staff can sign in", "all 300 staff locked out", "everyone at the
# office is locked out", not "one user can't log in". A regular expression, since the head count ("300", "~600") is
# any number, which a phrase pattern cannot spell; its match goes through the negation and supposition checks.
_GROUP = (
    r"(?:users|staff|staffers|employees|people|agents|colleagues|members|workers|accounts|clinicians|nurses"
    r"|teachers|students|drivers|reps|engineers|admins|team|organi[sz]ation|company|office|org|workforce)"
)
_HEAD_COUNT = r"(?:~|about |around |over |nearly |all )?\d[\d,]*\+? "
_WHERE = r"(?: (?:in|at|across|from|on) (?:our|the|my) [\w-]+(?: [\w-]+)?| here)?"
# "work" as the job itself ("none of our 40 agents can work"), not "work out how to ...".
_ACCESS = r"(?:log|sign|access|get in|get into|login|use|connect|work(?! out))"
_NO_ONE = (
    r"(?:nobody|no-?one|no one|(?:none|not one) of (?:us|them|(?:our|the|my|their) (?:"
    + _HEAD_COUNT
    + r")?(?:[\w-]+ )?"
    + _GROUP
    + r"\b))"
)
_EVERY_ONE = (
    r"(?:(?:(?:all|each) of (?:our|the|my) |all (?:our |the |my )?|(?:our|the) (?:whole|entire) )(?:"
    + _HEAD_COUNT
    + r")?(?:[\w-]+ )?"
    + _GROUP
    + r"\b|everyone|everybody)"
)
_CAN_ACCESS = r" (?:currently |now |still )?(?:can|could|is able to|are able to|was able to|were able to) " + _ACCESS
# Thrown out first ("have been logged out and cannot sign back in") or refused with an access error ("everyone in
# our office is getting a 403").
_LOCKED = (
    r"(?: (?:is|are|were|was|has been|have been|got|get|gets|all|currently|now|still))*"
    r"(?: (?:logged|signed|kicked|thrown) out (?:and|but)(?: now| still)?)? (?:locked out|unable to "
    + _ACCESS
    + r"|(?:can['’]?t|cannot|can not|could(?:n['’]t| not)) "
    + _ACCESS
    + r"|(?:getting|seeing|hitting) (?:an? )?(?:40[13]|5\d\d)\b"
    + r")"
)
_WHOLE_ORGANISATION_LOCKED_OUT = re.compile(
    r"(?i:\b(?:" + _NO_ONE + _WHERE + _CAN_ACCESS + r"|" + _EVERY_ONE + _WHERE + _LOCKED + r")\b)"
)
# A lock-out the customer wants or expects is a set-up, not an outage: "make sure all of our staff can't log in from
# personal devices", "please ensure nobody in sales can access it", "former employees are locked out, as expected",
# "none of our users can sign in without MFA" (a condition on access), "none of our admins can access the billing
# page - is that a permission setting?" (asking about a role).
_LOCK_OUT_WANTED = re.compile(
    r"(?i:\b(?:make sure|ensure|intended|former|offboard(?:ed|ing)|as expected|what we wanted)\b)"
)
_ACCESS_CONDITION = re.compile(r"(?i:(?: in| on| back in)? without\b)")
_ABOUT_PERMISSIONS = re.compile(r"(?i:\b(?:permissions?|roles?)\b[^.!?\n]*\?)")
# A sync, import, integration or connector overwriting the customer's records loses what they held: "your HubSpot
# sync overwrote 400 phone numbers", "the import has been overwriting our contacts", "contacts were overwritten by
# the Salesforce connector". Told as done or going on: not "will the import overwrite existing contacts?" nor the
# customer's own "I overwrote the file". A regular expression, since the connector's name between is any word; its
# match goes through the negation and supposition checks. Duplicates an integration creates are no loss (an
# integration error, docs/labelling.md tier 2), so not here.
_INTEGRATION = r"(?:sync|syncs|synchroni[sz]ation|import|imports|integration|integrations|connector|connectors|plugin)"
_OVERWRITING = r"(?:overwrote|overwrites|overwriting|overwritten|over-wrote|over-written|clobbered)"
_INTEGRATION_OVERWROTE = re.compile(
    r"(?i:\b" + _INTEGRATION + r"\b[^.!?\n]{0,60}?\b" + _OVERWRITING + r"\b"
    r"|\b" + _OVERWRITING + r" by (?:the|your|our|an|a) (?:[\w-]+ ){0,2}?" + _INTEGRATION + r"\b)"
)
# A regulator called by its role ("our supervisor", "the central bank") where the sentence is about supervision: an
# inquiry, a notification or an audit ("our supervisor has opened an inquiry", "the central bank wants an incident
# report"), or a report or complaint made to it ("we must report this to our supervisor"). Not a manager: "my
# supervisor asked me to chase this", nor "our supervisor wants a report" (a report made to it counts, one it asks
# of a colleague does not). A regular expression, since the bank's country ("the Danish central bank") is any word.
_SUPERVISION_BY_ROLE = re.compile(
    r"(?i:\b(?:our|the) (?:national |financial |banking |prudential |data[- ]protection )?supervisors?\b)"
    r"|\b(?i:our|the) (?:[A-Z][a-z]+ )?(?i:central bank)\b"
)
_SUPERVISION_WORDS = (
    "inquiry enquiry inquiries investigation investigating notify notified notifying notification regulatory sanction "
    "sanctions fined audit inspection"
)
_SUPERVISION = frozenset(_SUPERVISION_WORDS.split())
_MADE_TO_WORDS = "report reported reporting complaint complaints complain complained notify notified inform informed"
_MADE_TO = frozenset(_MADE_TO_WORDS.split())
# A manager's request to the writer ("who asked me", "wants the logs exported") and a routine report ("a monthly
# report") are no supervision.
_ASKS_OF_STAFF = frozenset({"asked", "asks", "told", "tells", "wants", "wanted", "needs", "needed", "requested"})
_ROUTINE = frozenset({"monthly", "quarterly", "annual", "annually", "yearly", "weekly", "daily", "regular", "routine"})
_MADE_TO_REACH = 5
_GUIDANCE_WORDS = (
    "guidelines guideline guidance template templates checklist toolkit recommendations form forms website"
)
_GUIDANCE = frozenset(_GUIDANCE_WORDS.split())
_ADDING = frozenset({"add", "adding", "import", "importing", "upload", "uploading", "enter", "fill", "append"})
_NOT_RECORDS = frozenset({"file", "files", "config", "configuration", "template", "templates", "theme", "stylesheet"})
_NOT_A_SYNC = frozenset(
    {"script", "scripts", "guide", "docs", "documentation"}
)  # words between "report" and "to our supervisor": "report the whole incident to our supervisor"


_NOTICING_WORDS = (
    "has have had seeing seen see experiencing experienced having noticed noticing aware detected observed found "
    "sign signs evidence indication reports reported"
)
_INCIDENT_NEGATION_FILLERS = _NEGATION_FILLERS | frozenset(_NOTICING_WORDS.split())
_SUPPOSING = frozenset({"if", "suppose", "supposing", "imagine", "hypothetically", "hypothetical"})
# "if" after a verb of asking or telling asks whether it is so ("let me know if the data can be recovered"), "if you
# look at ..." invites a look and "if this is how you handle lost data" complains: none supposes the incident.
_ASKS_WHETHER_WORDS = (
    "know tell check confirm advise wonder wondering wondered ask asking see sure clarify update unclear"
)
_ASKS_WHETHER = frozenset(_ASKS_WHETHER_WORDS.split())
_LOOK_WORDS = "look check open see go log visit try search compare refresh load view"
_LOOK_VERBS = frozenset(_LOOK_WORDS.split())
_OPENS_SUPPOSITION = frozenset({"should", "were", "say"})  # "Should the API fail, ...", "- say a laptop is stolen"
_CLAUSE_OPENERS = frozenset({",", "-", "–", "—", "(", ":"})
_SUPPOSED_CASE = frozenset({"case", "event"})  # "in case of", "in the event of"
_HAPPENS = frozenset({"happens", "happen", "happened"})  # "what happens when/if the sync fails"
_PLANNING_WORDS = (
    "scenario scenarios tabletop drill drills runbook runbooks playbook playbooks simulation simulations rehearsal "
    "rehearsals hypothetical hypothetically"
)
_PLANNING = frozenset(_PLANNING_WORDS.split())
_HOW_TO_OPENERS = frozenset({"how", "what"})
_HOW_TO_SECOND = frozenset({"do", "would", "should", "can", "could", "is", "'s", "are"})
# A supposition reaches to the end of its own clause ("If the portal is down during payroll week, who is on call?"),
# not past a comma, colon or dash into the clause it conditions, which is supposed too unless it tells the incident
# as it stands (_TOLD_AS_IT_STANDS) and is no question.
_SUPPOSITION_ENDS = frozenset({",", ":", ";", "-", "–", "—", "(", ")", "then"})
# "if" asking something of us is a request, not a supposition: "if you could look into this outage", "if anyone can
# help", "if your team could escalate"; not "if you can't restore it" or "if you have an outage".
_REQUESTED_OF = frozenset({"you", "anyone", "anybody", "someone", "somebody", "your"})
_REQUESTING_MODALS = frozenset({"could", "would", "can", "will", "might"})
# "I would appreciate it if ...", "it would be great if ...": the "if" asks politely.
_ASKING_POLITELY = frozenset({"appreciate", "appreciated", "grateful", "thankful", "great", "helpful", "nice", "kind"})
# "if possible", "if needed", "if it helps": an aside, no supposition of what follows.
_ASIDE_AFTER_IF = frozenset({"possible", "needed", "necessary", "required", "relevant", "applicable", "helpful"})
_HELPS = frozenset({"help", "helps"})
_SPARE_TIME = frozenset({"a", "time", "the"})  # "a moment", "a chance", "time", "the time"
# A conditioned clause that tells the incident as it stands is a report: "If it helps, the API has been down since
# 9am". Not one with a modal: "If the sync fails, we would lose the orders".
_TOLD_AS_IT_STANDS = frozenset({"since", "currently", "now", "yesterday", "ago", "was", "were", "been"})
_CONDITIONED_MODALS = frozenset({"will", "would", "'ll", "'d", "might", "may", "could", "can", "should", "shall"})
# A how-to question about an incident that happened asks how to recover from it: "How do we get back the orders we
# lost in yesterday's data loss?", "How can we restore the deleted records?"; not "How do we restore deleted records?"
_HAPPENED_WORDS = "lost was were had went happened occurred yesterday ago earlier"
_HAPPENED = frozenset(_HAPPENED_WORDS.split())
_PERFECT = frozenset({"has", "have", "'ve"})
_DEFINITE = frozenset({"the", "our", "my", "these", "those", "their"})
_LOST_WORDS = (
    "deleted corrupted wiped erased lost missing leaked stolen compromised overwritten affected removed exposed damaged"
)
_LOST_PARTICIPLES = frozenset(_LOST_WORDS.split())
# The customer's own removal ("I deleted a few test contacts", "we removed them last week") makes "the deleted
# records" theirs to restore, not a loss we caused.
_REMOVED_BY_HAND = frozenset({"deleted", "removed", "erased", "trashed", "archived"})
_FIRST_PERSON = frozenset({"i", "we"})

# A run of non-space whitespace holding a line break, or a lone tab. The run is tried from its first character
# only: tried at every character, a long run of tabs with no line break cost quadratic time (60,000 tabs: 19 s).
_LINE_BREAKS = re.compile(r"(?<![^\S ])[^\S ]*[\r\n][^\S ]*|\t")

# Shape signals, each led by a literal or a small character set: Python's regex engine then jumps
# between candidate positions instead of trying every one (a leading \b costs ~10 us per ticket and
# pattern). A word boundary is asserted after the first character instead: 5(?<!\w5) is \b5.
_AMOUNT = r"(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"
_SCALE = r"(?:\s?(?:[kKmM]|bn|million|billion|thousand)\b)?"
# Exception names have no literal lead, so that regex runs only on texts containing "Exception" or "Error".
_EXCEPTION_HINTS = ("Exception", "Error")
# [A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)* spelled without nested repetition: a capital, a lower-case letter or a digit,
# then any letters and digits, ending in a lower-case letter or digit before "Exception" or "Error".
_EXCEPTION_NAME = r"[A-Z][a-z0-9][A-Za-z0-9]*(?<=[a-z0-9])(?:Exception|Error)"
# A gateway or a service unavailable, which a whole organisation sees in any language: "Error 503 Service
# Unavailable", "HTTP 502". Not a 500 (one request's bug) or a bare "returns 503" (one endpoint throttled). Also
# read by triage.text.language in the languages the model does not read.
SERVER_UNAVAILABLE = (
    r"5(?<!\w5)0[234][ \t]*+[-–:]?[ \t]*+(?i:bad gateway|service (?:temporarily )?unavailable|gateway time-?out)\b",
    r"(?i:http)(?<=\b\w{4})(?:/[\d.]+)?[ \t:]*+50[234]\b",
)
# A gateway error on some of the calls is one endpoint's fault, not the service down (docs/labelling.md: a bug or an
# integration error, tier 2): "about 1 in 15 calls comes back with a 502 Bad Gateway", "we intermittently get 503
# Service Unavailable", "a few requests a day fail with 504 Gateway Timeout". Only the outage read from the gateway
# error (_GATEWAY_ERROR) is dropped, when the partial words stand near it (_PARTIAL_REACH): "the service has been
# going down intermittently" is still the service down. Every call or every user (_WHOLE_SET) is not partial.
_GATEWAY_ERROR = re.compile(r"(?i:\b50[234]\b|bad gateway|service (?:temporarily )?unavailable|gateway time-?out)")
_PARTIAL_FAILURE = re.compile(
    r"(?i:\b(?:intermittent(?:ly)?|sporadic(?:ally)?|occasional(?:ly)?|sometimes|now and then|from time to time"
    r"|(?:one|\d+) (?:in|out of) (?:every )?(?:\d+|ten|twenty|fifty|a hundred)"
    r"|(?:some|a few|a handful) of (?:the|our) (?:calls|requests)|(?:some|a few|a handful of) (?:calls|requests)"
    r"|(?!100\b)\d+(?:\.\d+)? ?(?:%|percent) of (?:the |our )?(?:calls|requests|traffic)|flaky)\b)"
)
_WHOLE_SET = re.compile(
    r"(?i:\b(?:everyone|everybody|for all|all (?:of )?(?:our |the |my )?(?:calls|requests|traffic|users|customers)"
    r"|every (?:single )?(?:call|request|user|customer|time)|100 ?(?:%|percent))(?!\w))"
)
_PARTIAL_REACH = 60  # characters either side of a gateway error that may say only some calls fail
# What the customer pays us, told as a standing amount: "we pay you 140k a year", "we're paying £9,000 a month", "our
# contract is worth £140k a year". The contract value, not money at stake (an incident's cost, a refund, a disputed
# charge); still large money (docs/labelling.md: an account worth 100,000 a year). Read just before the amount and,
# for its period, just after.
_PAYS_BEFORE = re.compile(
    r"(?i:\b(?:(?:we|i)(?:['’]re| are| am)? (?:pay|paying|spend|spending)(?: you| u)?"
    r"|(?:contract|subscription|account|deal|renewal|licence|license)(?:['’]s| is) worth)"
    # The amount's own currency sign or code may stand between: "we pay you £140k", "worth USD 140k".
    r"(?: over| about| around| nearly| almost| roughly| more than)? ?(?:[$€£¥₹]|usd|eur|gbp)? ?)\Z"
)
_PAYS_PERIOD = re.compile(r"(?i:\b(?:year|yr|month|mo|annually|yearly|monthly)\b)")
_PAYS_REACH = 40  # characters before the amount that may say who pays
# A legal route the customer rules out: "to be clear we are not looking at any legal route here", "no legal action is
# planned", "this is not a legal matter". The heads read "legal" whatever stands before it (docs/labelling.md: negated
# mentions do not count). Not with a condition, a time or a double negation in the rest of its sentence: "no legal
# steps yet, but if ...", "we are not taking legal action for now", "we will not hesitate to take legal action", "we
# are not ruling out legal action", "no option other than legal action" keep it open.
_LEGAL_DISCLAIMER = re.compile(
    r"(?i:(?:\b(?:not|no|never)|n['’]t)\b[^.!?\n]{0,40}?\blegal (?:route|routes|action|actions|steps|proceedings"
    r"|claim|claims|threat|threats|matter|issue|avenue|avenues|recourse|dispute)\b)"
)
# Also kept open: a route the customer does not want it to come to ("I do not want this to become a legal matter, so
# fix the invoice by Friday": a veiled threat), a legal matter and more ("not just a legal matter"), a doubt ("I'm
# not sure this is a legal issue") and a route no longer avoided ("not in a position to avoid legal action").
_DISCLAIMER_KEPT_OPEN = re.compile(
    r"(?i:\b(?:yet|for now|at this (?:stage|point|time)|for the moment|unless|if|but|however|until|hesitate"
    r"|rule out|ruling out|ruled out|exclude|excluding|afraid|other than|except|choice|option|alternative|only"
    r"|left|become|becoming|turn into|turning into|come to|end up|escalate|escalating|resort to|have to|force"
    r"|forced|avoid legal|avoiding legal|any longer|anymore|any more|no longer)\b"
    r"|(?:\bnot|n['’]t) (?:just|merely|simply|sure|certain|convinced)\b)"
)
# An incident happening now, not one told as past ("the three outages in October", "last quarter's outages", "on 3
# December between 19:40 and 23:15"): a failure in the present or present perfect ("is down", "has been timing out",
# "has stopped working", "have disappeared", "still not generating", "are missing", "nothing works", "cannot be made
# at all", "returns 500 for everyone"), or a failure dated from a recent start ("since 05:40", "since this morning"). A
# clock time alone ("it is now 9:10") tells no failure. For the policy (incident.live): the team that fixes a live
# incident is technical, a retrospective is commercial.
_LIVE_INCIDENT = re.compile(
    r"(?i:\b(?:is|are|has been|have been|keeps|keep|still|currently|now)"
    r" (?:down|offline|unavailable|unreachable|failing|broken|missing|lost|gone|erroring|timing out|not (?:working"
    r"|generating|loading|responding|running|processing|syncing|sending|available|reachable))\b"
    r"|\b(?:down|failing|timing out|erroring|offline|missing|(?:returning|throwing) (?:an? )?(?:5\d\d|errors?))"
    r" since (?:\d|this|last night|yesterday|today"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|\b(?:has|have|has now|have now) stopped (?:working|syncing|loading|responding|running|processing|sending)\b"
    # Gone and not back: "14% of the records have disappeared from our tenant".
    r"|\b(?:has|have) (?:disappeared|vanished|gone missing|been deleted|been wiped|been erased)\b"
    r"|\bnothing (?:works|is working|loads|is loading|syncs|is syncing|goes through|is going through)\b"
    r"|\b(?:cannot|can't|can’t|can not) be (?:made|placed|processed|completed|used|accessed|opened|loaded) at all\b"
    r"|\b(?:returns|is returning|are returning|keeps returning|throws|is throwing) (?:an? )?(?:5\d\d|errors?)\b"
    r"(?= for (?:everyone|everybody|all|every))"
    r")"
)
# A clause that makes the failure supposed, asked about or denied, not happening ("if the API is down", "what happens
# when the service is unavailable", "nothing is missing now"): up to the failure, in its clause.
_SUPPOSED_INCIDENT = re.compile(
    r"(?i:\b(?:if|when|whenever|in case|should|unless|whether|what happens|nothing|none|nobody|no one)\b)"
)
_CLAUSE_REACH = 60  # characters before a live failure that may make it supposed
# The customer's executive following the case, told as copied, asking or watching: "CEO copied", "cc our CFO", "I've
# copied our CEO", "Cc: Karen Whitlock (CEO)", "our board is asking", "our managing director is following this". Not
# ours ("your CEO"), not the writer's own title in a signature, not a board that is a product's ("the board won't
# load": only "our board" asking or watching, or a board of directors).
_EXECUTIVE = (
    r"(?:ceo|cfo|coo|cto|cio|ciso|chief (?:executive|financial|operating|technology|information|medical|nursing"
    r"|people|revenue|commercial|marketing|legal|product)(?: officer)?"
    r"|managing director|board of directors|chair(?:man|woman|person)?|president|founder)"
)
_EXECUTIVE_WATCHING = re.compile(
    r"(?i:\b(?:cc|cc['’]?d|cc['’]?ing|copied|copying|looped in|looping in|copy)(?: in)?:? (?:to )?(?:our|my) "
    + _EXECUTIVE
    + r"\b|\bcc:[^\n]{0,80}?\b"
    + _EXECUTIVE
    + r"\b|\b(?:our|my) (?:"
    + _EXECUTIVE
    + r"|board)(?: and [\w ]{1,30}?)?"
    # Told first: "our CEO has been informed and is watching this closely".
    r"(?: (?:has been|have been|was|were) (?:informed|told|briefed|notified) and)?"
    r" (?:is |are |has been |have been )?(?:copied|cc['’]?d|in copy|on copy|watching"
    r"|following|asking|aware|involved|now involved|demanding)\b"
    r"|\b" + _EXECUTIVE + r" (?:copied|cc['’]?d|in copy|on copy)\b)"
)
_EXECUTIVE_SUPPOSED = re.compile(r"(?i:\b(?:if|unless|will have to|would have to|otherwise)\b)")
# What goes missing that is no incident: a document or an answer owed ("the root cause report is still missing",
# "the invoice is missing"), named just before "missing" ("we're still missing 30 orders" is a loss).
_MISSING_PAPER = re.compile(
    r"(?i:\b(?:report|reports|rca|root cause|post-?mortem|answer|reply|response|explanation|update|invoice|invoices"
    r"|receipt|document|documents|documentation|paperwork|credit note|signature)(?: is| are)? ?)\Z"
)
_PAPER_REACH = 30  # characters before "missing" that may name a document
# What an incident cost asked back ("the service credits owed", "compensation for the lost bookings"): a commercial
# claim, account management's even while the incident lasts (check9 C9-38: a sync failing for hours at a time, a
# service credit asked of the account manager).
_COMPENSATION_ASKED = re.compile(
    r"(?i:\b(?:(?:service|sla) credits?|compensation|compensate|reimburse|reimbursement)\b)"
)
_SHAPES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (signal, _EXCEPTION_HINTS if "Exception" in pattern else (), re.compile(pattern, re.MULTILINE))
    for signal, pattern in (
        ("money_amount", rf"[$€£¥₹]\s?\d{_AMOUNT}{_SCALE}"),
        ("money_amount", rf"(?i:usd|eur|gbp|cad|aud|chf|jpy|inr)(?<=\b\w\w\w)\s?\d{_AMOUNT}{_SCALE}"),
        (
            "money_amount",
            rf"\d(?<![\w.,]\d){_AMOUNT}(?:{_SCALE}\s?(?:[€£]|(?i:dollars|euros|pounds|bucks|usd|eur|gbp)\b)"
            # A bare "1.2k" is money only in a money context: "1.2k/yr", "40k a year", "3M ARR".
            r"|[kKmM]\s?(?:/\s?(?:yr|year|mo|month)\b|(?:a|per) (?:year|month)\b|ARR\b|MRR\b|in revenue\b"
            r"|annually\b))",
        ),
        # Tried once per run of digits and commas, from its first digit not glued to a word ("x1,500 seats"
        # counts from the 5): tried at every digit, "1," * 10,000 cost quadratic time (2.8 s).
        (
            "contract_value",
            r"(?<![\d,])(?:(?<=\w)\d*+|(?<!\w)),*+(?P<seats>\d[\d,]*\s+(?i:seats|licen[cs]es)\b)",
        ),
        (
            "error_code",
            r"(?i:http|status|error|code|got an?|getting an?|returns?|returning)[\s:]*(?i:code\s*)?"
            r"[45]\d\d\b",
        ),
        (
            "error_code",
            r"5(?<!\w5)(?:\d\d\s+(?i:error|internal server error|bad gateway|service unavailable"
            r"|gateway time-?out)|\d\ds\b|xx\b)",
        ),
        (
            "error_code",
            r"E(?<!\wE)(?:RR_[A-Z0-9_]{3,}|_[A-Z0-9_]{3,}"
            r"|CONNREFUSED|CONNRESET|TIMEDOUT|NOTFOUND|ACCES|PIPE)\b",
        ),
        ("error_code", r"0(?<!\w0)x[0-9a-fA-F]{4,}\b"),
        (
            "error_code",
            # Tried once per run of [\w.] (a dotted name) and once per run of letters and digits (a bare
            # name): the first capital followed by a lower-case letter or a digit starts the name, the
            # letters before it are skipped outside the named group. Tried at every capital, a long
            # CamelCase run cost quadratic time ("Aa" * 14,000 + " Error": 6.5 s).
            r"(?:(?<!\w)(?<!\w\.)|(?<=\.)(?=[^\W_A-Za-z]))[^\W_A-Za-z]*+"
            r"(?P<dotted>(?:[A-Za-z_]\w*\.)+" + _EXCEPTION_NAME + r")\b"
            r"|(?<![A-Za-z0-9])(?:[a-z0-9]|[A-Z](?![a-z0-9]))*+(?P<bare>" + _EXCEPTION_NAME + r")\b",
        ),
        ("error_code", r"(?i:error code)\s*(?::\s*)?#?[A-Za-z]*\d[\w-]*"),  # not \s*:?\s*: quadratic on spaces
        *(("outage", pattern) for pattern in SERVER_UNAVAILABLE),
        ("stack_trace", r"Traceback \(most recent call last\)"),
        ("stack_trace", r"at [\w$.]+\([\w$]+\.(?:java|kt|scala|cs|js|ts):\d+\)"),
        ("stack_trace", r'File "[^"\n]+", line \d+'),
        ("stack_trace", r"^[ \t]*at .+:\d+:\d+\)?[ \t]*$"),
        ("stack_trace", r"(?:Caused by|Segmentation fault|core dumped|panic):"),
        ("stack_trace", r"[Ss]tack ?[Tt]race"),
        (
            "stack_trace",
            r"^[ \t]*\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\S*\]?\s+\[?"
            r"(?:ERROR|FATAL|CRITICAL|SEVERE|WARN)",
        ),
        ("stack_trace", r"\[(?:ERROR|FATAL|CRITICAL|SEVERE|PANIC)\]"),
        (
            "deadline",
            r"(?i:within)(?<=\b\w{6})\s+\d+\s*"
            r"(?i:hours?|hrs?|days?|minutes?|mins?|business days?)\b",
        ),
        ("urgency", r"(?i:sev)(?<=\b\w{3})(?i:erity)?[\s-]?[0-2]\b"),
    )
)

SIGNAL_NAMES = tuple(SIGNALS)
_SIGNAL_COLUMN = {name: column for column, name in enumerate(SIGNAL_NAMES)}

# Which signals speak for each trigger: the criteria-only scorer of a trigger without a trained head
# (triage.model.scorer.fallback_trigger) and the hand-off's sections (triage.handoff) read these groups.
# recurring_fault: a fault back after a fix, read in the other languages (triage.text.multilingual) only.
TECHNICAL_SIGNALS = ("outage", "error_code", "stack_trace", "data_loss", "security_incident", "recurring_fault")
_LOG_SHAPES = frozenset({"error_code", "stack_trace"})
TRIGGER_SIGNALS: dict[str, tuple[str, ...]] = {
    "technical": TECHNICAL_SIGNALS,
    "financial": ("refund_request", "chargeback", "billing_dispute", "churn_threat"),
    "legal": ("legal_action", "privacy_regulation", "regulator_complaint", "fraud"),
}

# The case a thread is about: a signal of the customer's earlier turns still holds when the latest message only
# chases it ("any update?" after "all our notes are gone"), so the policy reads these from the history too
# (triage.model.scorer). Not the moment's signals (urgency, a deadline, a demand), which belong to one message,
# and not an outage: in a thread it is as often the past cause of a dispute ("the page was DOWN" before a late
# fee; third check C3-36 went to the technical team) as a live one, which its chaser names again ("still down").
THREAD_SIGNALS = tuple(
    name
    for name in (*TECHNICAL_SIGNALS, *TRIGGER_SIGNALS["financial"], *TRIGGER_SIGNALS["legal"], "class_action")
    if name != "outage"
)

# Signals of a problem that a resolved message does not carry: a failure, a claim, a dispute, a legal matter.
_OPEN_PROBLEM_SIGNALS = frozenset(
    {name for names in TRIGGER_SIGNALS.values() for name in names}
    | {"class_action", "repeat_contact", "escalation_demand", "public_review_threat", "urgency"}
)


def trigger_hits(signals: Mapping[str, int]) -> dict[str, int]:
    """Per trigger, how many of the signals found speak for it (a signal outside TRIGGER_SIGNALS, such as a plain
    cancellation, speaks for none)."""
    return {trigger: sum(signals.get(name, 0) for name in names) for trigger, names in TRIGGER_SIGNALS.items()}


def _keywords(pattern: str, norms: Callable[[str], tuple[int, ...]]) -> set[tuple[int, ...]]:
    """Every sequence of token norms that a pattern string spells out, given the norms of a word's tokens:
    what the phrase matcher compares. A slot's alternatives with the same norms are one ("cancel|cancels|
    cancelled" all read "cancel"), so the product stays small."""
    keywords: set[tuple[int, ...]] = {()}
    for slot in pattern.split():
        options = {sum((norms(word) for word in choice.split("_")), ()) for choice in slot.rstrip("?").split("|")}
        if slot.endswith("?"):
            options.add(())
        keywords = {keyword + option for keyword in keywords for option in options}
    keywords.discard(())  # a pattern of optional slots only does not match nothing
    return keywords


@cache
def _pipeline() -> tuple[Any, Any]:
    """The blank spaCy pipeline and its phrase matcher, built on first use (never at import time).

    Patterns are expanded into exact phrases for a ``PhraseMatcher``: one hash lookup per token, whatever the
    number of phrases. A ``Matcher`` with ``IN`` sets evaluates each set in Python at every token and ran at
    ~270 tickets/s here, against ~100k/s for the phrase matcher. The phrases are given to it as sequences of
    token norms, which is what it stores of a pattern ``Doc``: ~115k pattern Docs took 3-4 s to build at
    every process start.
    """
    import spacy
    from spacy.attrs import NORM
    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("en")
    # Each word's norm becomes its lookup lemma. spaCy computes a lexeme's norm once, when the word first
    # enters the vocabulary, so lemma matching costs nothing per token (the lemmatizer component, which
    # sets token.lemma_ in Python for every token, would double the tokenizer's time).
    getters: dict[int, Any] = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # not in spaCy's stubs
    norm = getters[NORM]
    lemmas = _lookup_lemmas()

    def lemma_or_norm(text: str) -> str:
        # The tokenizer's exceptions give "'m" and "'re" in running text the norms "am" and "are"; a pattern's
        # words get their lexeme's norm, so the lexeme must agree ("i'm writing" matched nothing before).
        if text.lower() in _CONTRACTION_NORMS:
            return _CONTRACTION_NORMS[text.lower()]
        lemma = lemmas.get(text.lower())
        return lemma if lemma and lemma not in _LITERAL_LEMMAS else norm(text)

    getters[NORM] = lemma_or_norm
    for lexeme in nlp.vocab:  # the words the blank pipeline created before the getter changed ("got", "was")
        lexeme.norm_ = lemma_or_norm(lexeme.orth_)
    # The pieces of a contraction carry their own norm from the tokenizer's exceptions ("could" in "couldn't" reads
    # "could", "ca" in "can't" reads "can", "n’t" reads "not"), which the lexeme's lemma then never replaced:
    # "couldn't renew" did not read as "could not renew" or "cannot renew" (the standalone "could" reads "can"),
    # so patterns and vetoes with a contraction matched only some of its spellings. The same lemma is applied here.
    tokenizer = cast(Tokenizer, nlp.tokenizer)  # spacy.blank's, never a custom callable
    tokenizer.rules = {
        text: [{**piece, NORM: lemma_or_norm(piece[NORM])} if NORM in piece else piece for piece in pieces]
        for text, pieces in tokenizer.rules.items()
    }
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")

    @cache
    def norms(word: str) -> tuple[int, ...]:
        # Split and read as running text is ("1-star", "couldn't"); a lone contraction suffix ("'ll") is already
        # one token there, read by its lexeme's norm.
        if word.startswith("'"):
            return (nlp.vocab[word].norm,)
        return tuple(token.norm for token in nlp.make_doc(word))

    own_refund = {"refund_request": _OWN_REFUND_CONTEXT}
    mentions = {"refund_request": _OWN_REFUND_MENTIONS}
    tables = (
        ("", _PATTERNS),
        ("tail:", _TAILS),
        ("veto:", _VETOES),
        ("sentence:", _SENTENCE_VETOES),
        ("plain_ask:", _PLAIN_ASKS),
        ("trouble:", _TROUBLE),
        ("trouble_veto:", _TROUBLE_VETOES),
        ("resolved:", _RESOLVED),
        ("open:", _STILL_OPEN),
        ("context:", _IN_CONTEXT),
    )
    for prefix, table in (*tables, ("own_refund:", own_refund), ("mention:", mentions)):
        for signal, patterns in table.items():
            keywords = set().union(*(_keywords(pattern, norms) for pattern in patterns))
            # spaCy's stub says Docs; add() takes a pattern's attribute values as they are (phrasematcher.pyx).
            matcher.add(prefix + signal, [list(keyword) for keyword in keywords])  # type: ignore[misc]
    return nlp, matcher


# "'s" reads as written in running text (it stands for "is", "has" or a possessive); its lexeme's lookup lemma is
# "have", so a pattern's "what 's" or "site 's down" matched nothing before.
_CONTRACTION_NORMS = {"'m": "am", "'re": "are", "’m": "am", "’re": "are", "'s": "'s", "’s": "'s"}
# Words matched as written: their forms mean different things here ("emails gone" is data loss, "emails
# going out" is not; "credit counseling" is not legal counsel; "previous ticketing" is not a previous ticket).
_LITERAL_LEMMAS = frozenset({"go", "counsel", "miss", "ticket", "summon"})


@cache
def _lookup_lemmas() -> Any:
    """spaCy's English lookup lemmatizer table (lower-case form -> lemma), from spacy-lookups-data."""
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


def _is_negated(doc: Any, start: int, fillers_allowed: frozenset[str] = _NEGATION_FILLERS) -> bool:
    index, fillers = start - 1, 0
    while index >= 0:
        word = doc[index].lower_
        if word in _NEGATORS:
            if word != "no" and index > 0 and doc[index - 1].lower_ in _INABILITY:
                return False
            return not any(token.lower_ in _CONDITIONS for token in doc[max(0, index - 3) : index])
        if word not in fillers_allowed or fillers == _NEGATION_WINDOW:
            return False
        fillers += 1
        index -= 1
    return False


def _tail_negated(doc: Any, span: tuple[int, int]) -> bool:
    """Whether a tail (_TAILS) is negated or sent by someone else: a negator before it in its clause, not after a
    condition or an inability ("if you don't fix this we move it all to another vendor" threatens), or a verb of
    sending ("they referred us to another provider"), or a technical resource moved ("moving our DNS to another
    provider"). A condition anywhere before the negator in the clause keeps it ("if this outage isn't resolved by
    Friday we start shifting dispatch to another vendor"); "so" starts a clause ("we haven't had a reply, so we are
    shifting dispatch to another vendor")."""
    clause = _sentence(doc, *span, _CLAUSE_BREAKS | {"so"})
    conditional = False
    for index in range(clause.start, span[0]):
        word = doc[index].lower_
        if doc[index].norm_ in _TAIL_VETOES or word in _TAIL_TECHNICAL_OBJECTS:
            return True
        conditional = conditional or word in _CONDITIONS
        inability = word != "no" and index > 0 and doc[index - 1].lower_ in _INABILITY
        if word in _NEGATORS and not inability and not conditional:
            return True
    return False


def _supposed(doc: Any, span: tuple[int, int]) -> bool:
    """Whether an incident's words are supposed, asked how to handle or planned for, not reported (_INCIDENT_SIGNALS):
    in a supposition's own clause or in the clause it conditions (_SUPPOSITION_ENDS), in a how-to question that tells
    no incident that happened (_HAPPENED), or beside a plan's word in their sentence. A real incident told in another
    sentence, after a polite "if you could ...", or as it stands after an aside still fires: "Our API is down. If it
    stays down, what is the SLA?", "If anyone can help: the API has been down since 9am." report one."""
    sentence = _sentence(doc, *span)
    clause = _sentence(doc, *span, _CLAUSE_BREAKS)
    # Per clause: "our drill is next week; meanwhile the API has been down since 9am" reports an outage.
    if any(doc[index].lower_ in _PLANNING for index in clause):
        return True
    asked = sentence.stop < len(doc) and doc[sentence.stop].text == "?"
    for index in range(clause.start, span[0]):
        reach = _supposition_reach(doc, index, sentence.start, clause.stop)
        if reach is None:
            continue
        if span[0] < reach or asked:
            return True
        conditioned = [doc[inner].lower_ for inner in range(reach, clause.stop)]
        if _CONDITIONED_MODALS.intersection(conditioned) or not _TOLD_AS_IT_STANDS.intersection(conditioned):
            return True
    words = [doc[index].lower_ for index in sentence]
    if asked and len(words) > 1 and words[0] in _HOW_TO_OPENERS and words[1] in _HOW_TO_SECOND:
        return not _tells_it_happened(doc, sentence)
    # A how-to asked inside a request: "if anyone could explain how to recover data after a breach".
    asks_how = any(
        doc[index].lower_ == "how" and doc[index + 1].lower_ in _HOW_TO_SECOND | {"to"}
        for index in range(clause.start, span[0] - 1)
    )
    return asks_how and not _tells_it_happened(doc, sentence)


def _lock_out_wanted(text: str, start: int, end: int) -> bool:
    """Whether a whole organisation locked out (_WHOLE_ORGANISATION_LOCKED_OUT, at ``start``:``end``) is a state the
    customer wants or asks about as a setting (_LOCK_OUT_WANTED), not an outage."""
    sentence_start = max((text.rfind(mark, 0, start) for mark in ".!?\n"), default=-1) + 1
    sentence_end = min((found for mark in ".!?\n" if (found := text.find(mark, end)) >= 0), default=len(text))
    sentence = text[sentence_start : sentence_end + 1]
    return bool(
        _LOCK_OUT_WANTED.search(sentence) or _ACCESS_CONDITION.match(text, end) or _ABOUT_PERMISSIONS.search(sentence)
    )


def _overwrote_no_records(doc: Any, found: Any) -> bool:
    """Whether an overwrite (_INTEGRATION_OVERWROTE) is of a file rather than records ("overwrote the config file",
    "overwrites the template") or is the customer's own script or a guide's description ("our import script",
    "the integration guide says")."""
    inside = {token.lower_ for token in found}
    after = {doc[index].lower_ for index in range(found.end, min(len(doc), found.end + 3))}
    return bool(_NOT_RECORDS & after or _NOT_A_SYNC & inside)


def _names_its_guidance(doc: Any, end: int) -> bool:
    """Whether an authority named just before ``end`` owns a published document named after it ("the CNIL
    guidelines", "Datatilsynet's template")."""
    following = [doc[index].lower_ for index in range(end, min(len(doc), end + 2))] + [""]
    return following[0] in _GUIDANCE or (following[0] in {"'s", "’s"} and following[1] in _GUIDANCE)


def _manager_asks(doc: Any, found: Any, sentence: range) -> bool:
    """Whether a plain "our supervisor" asks something of the writer, as a manager does: "our supervisor, who asked me
    to open a ticket", "our supervisor wants the audit logs exported". A qualified one ("our national supervisor")
    or a central bank stays a regulator."""
    if "supervisor" not in found.text.lower() or len(found) > 2:
        return False
    following = [
        doc[index].lower_ for index in range(found.end, sentence.stop) if doc[index].lower_ not in {",", "who"}
    ]
    return bool(following) and following[0] in _ASKS_OF_STAFF


def _about_supervision(doc: Any, found: Any) -> bool:
    """Whether a regulator called by its role (_SUPERVISION_BY_ROLE) is one: its sentence is about supervision, or a
    report, complaint or notification is made to or with it. A central bank is a supervisor when it asks a report."""
    sentence = _sentence(doc, found.start, found.end)
    if _manager_asks(doc, found, sentence):
        return False
    words = {doc[index].lower_ for index in sentence}
    if _SUPERVISION & words:
        return True
    if "bank" in found.text.lower() and {"report", "reports", "complaint"} & words and not _ROUTINE & words:
        return True
    before = found.start - 1
    if before < sentence.start or doc[before].lower_ not in {"to", "with"}:
        return False
    return any(doc[index].lower_ in _MADE_TO for index in range(max(sentence.start, before - _MADE_TO_REACH), before))


def _supposition_reach(doc: Any, index: int, sentence_start: int, stop: int) -> int | None:
    """Where the supposition opening at ``index`` ends (the end of its own clause), or None if none opens there."""
    word, before = doc[index].lower_, doc[index - 1].lower_ if index > sentence_start else ""
    following = [doc[inner].lower_ for inner in range(index + 1, min(index + 4, len(doc)))] + ["", "", ""]
    if word == "if":
        opens = (
            before not in _ASKS_WHETHER
            and not (following[0] == "you" and index + 2 < len(doc) and doc[index + 2].norm_ in _LOOK_VERBS)
            and not (following[0] in {"this", "that"} and following[1] in {"is", "'s"})  # "if this is how you ..."
            and not _asks_politely(doc, index, sentence_start, following)
        )
    elif word in _SUPPOSING or (word == "when" and before in _HAPPENS):
        opens = True
    elif word in _SUPPOSED_CASE:
        opens = before == "in" or (before == "the" and index > 1 and doc[index - 2].lower_ == "in")
    elif word in _OPENS_SUPPOSITION:
        opens = (index == sentence_start or before in _CLAUSE_OPENERS) and not (
            word == "say" and following[0] in {",", ":"}
        )
        # An inverted condition conditions a clause after it ("Were the API to fail, ..."); without one the word is
        # a question's auxiliary ("Were you aware that all our files were deleted?").
        if word != "say" and index == sentence_start:
            opens = opens and any(doc[inner].lower_ in _SUPPOSITION_ENDS for inner in range(index + 1, stop))
    elif word == "whether":
        # "whether an outage would affect us" supposes it; "whether the outage this morning affected us" and
        # "whether the projects can be restored" ask about one that happened.
        opens = following[0] in {"a", "an", "any"} and any(
            doc[inner].lower_ in _CONDITIONED_MODALS for inner in range(index + 1, stop)
        )
    else:
        opens = False
    if not opens:
        return None
    return next((inner for inner in range(index + 1, stop) if doc[inner].lower_ in _SUPPOSITION_ENDS), stop)


def _asks_politely(doc: Any, index: int, sentence_start: int, following: list[str]) -> bool:
    """Whether "if" at ``index`` asks something of us or opens an aside (_REQUESTED_OF, _ASKING_POLITELY,
    _ASIDE_AFTER_IF): "if you could look into this outage", "I'd appreciate it if", "if possible", "if it helps"."""
    modal_at = 2 if following[0] == "your" else 1  # "if your team could ..."
    if following[0] in _REQUESTED_OF and following[modal_at] in _REQUESTING_MODALS:
        negated = index + modal_at + 2 < len(doc) and doc[index + modal_at + 2].lower_ in _NEGATORS
        if not negated:
            return True
    earlier = {doc[inner].lower_ for inner in range(max(sentence_start, index - 2), index)}
    if earlier & _ASKING_POLITELY:
        return True
    aside = following[0] in _ASIDE_AFTER_IF or (following[0] == "at" and following[2] == "possible")
    # "if you have a moment", "if you get a chance": an aside about our time.
    aside = aside or (following[0] == "you" and following[1] in {"have", "get"} and following[2] in _SPARE_TIME)
    return aside or (following[0] in {"it", "that", "this"} and following[1] in _HELPS)


def _tells_it_happened(doc: Any, sentence: range) -> bool:
    """Whether a how-to question tells an incident that happened: a past or perfect verb ("the orders we lost", "what
    was deleted", "have disappeared") or a definite participle of loss ("the deleted records")."""
    for index in sentence:
        word = doc[index].lower_
        following = doc[index + 1].lower_ if index + 1 < sentence.stop else ""
        if word in _HAPPENED or (word in _PERFECT and following and following not in {"to", "a", "an", "any"}):
            return True
        if word in _DEFINITE and following in _LOST_PARTICIPLES and not _removed_by_hand(doc):
            return True
    return False


def _removed_by_hand(doc: Any) -> bool:
    """Whether the customer tells removing something themselves: "I deleted", "we accidentally removed"."""
    return any(
        doc[index].lower_ in _REMOVED_BY_HAND
        and any(doc[before].lower_ in _FIRST_PERSON for before in range(max(0, index - 2), index))
        for index in range(1, len(doc))
    )


def _sentence(doc: Any, start: int, end: int, breaks: frozenset[str] = frozenset()) -> range:
    """Token indices of the sentence around a span; a blank pipeline has no parser, so split on . ! ? and
    line breaks, and on ``breaks`` (lower-case words) for a clause."""

    def is_end(token: Any) -> bool:
        return token.text in {".", "!", "?"} or token.is_space or token.lower_ in breaks

    while start > 0 and not is_end(doc[start - 1]):
        start -= 1
    while end < len(doc) and not is_end(doc[end]):
        end += 1
    return range(start, end)


def _clause(doc: Any, start: int, end: int) -> range:
    """The clause around a span, for context that holds only there: "our wifi was down briefly but your
    dashboard has been down for hours" reports two failures. Not "and", which mostly joins cause and effect
    here ("we had a power cut and the till app went offline")."""
    return _sentence(doc, start, end, _CLAUSE_BREAKS)


def _names_our_product(doc: Any, span: tuple[int, int]) -> bool:
    """Whether the span is about the product the customer bought ("your dashboard has been down"): the
    customer's own power or internet does not explain it away."""
    start, end = span
    return any(doc[i].lower_ in _YOUR for i in range(max(0, start - 1), end))


# Signals whose words, quoted as the name of a screen's element, name a feature and report nothing: "the 'SLA breach'
# widget", 'a tab called "Chargebacks"'. Not a cancellation or a refund: "I clicked the 'Cancel subscription' button"
# still asks for one, and a security alert or a status quoted by name reports what it names ("the 'Suspicious login'
# alert fired", "your status page shows 'Major outage'").
_NAMED_NOT_DONE = frozenset({"legal_action", "class_action", "chargeback", "outage"})
# Quote marks as the tokenizer's norms read them (curly ones included).
_QUOTE_MARKS = frozenset({"'", '"'})
# The elements of a screen or a report that a quoted name labels (lemmas).
_SCREEN_ELEMENTS_WORDS = (
    "widget tab button report field setting column filter view dashboard label tag option menu "
    "template rule chart panel section link toggle checkbox dropdown folder queue category tile metric"
)
_SCREEN_ELEMENTS = frozenset(_SCREEN_ELEMENTS_WORDS.split())
_NAMING_WORDS = frozenset({"called", "named", "labelled", "labeled", "titled", "marked"})
# A status quoted is what it reports, not a name: 'the "Major outage" label on your status page'.
_STATUS_WORDS = frozenset({"status", "major", "partial", "service", "degraded", "full", "total"})
_NAME_REACH = 4  # words a quoted name may hold besides the match


def _quoted_name(doc: Any, span: tuple[int, int]) -> bool:
    """Whether the match stands inside quote marks that name an element of a screen: a quoted name with the element
    after it ("the 'SLA breach' widget") or before it ("the tab labelled 'Chargebacks'")."""
    start, end = span
    opening = next(
        (i for i in range(start - 1, max(start - 1 - _NAME_REACH, -1), -1) if doc[i].norm_ in _QUOTE_MARKS), None
    )
    closing = next((i for i in range(end, min(end + _NAME_REACH, len(doc))) if doc[i].norm_ in _QUOTE_MARKS), None)
    if opening is None or closing is None:
        return False
    if any(doc[i].text in {".", "!", "?"} or doc[i].is_space for i in range(opening, closing)):
        return False
    if any(doc[i].lower_ in _STATUS_WORDS for i in _sentence(doc, start, end)):
        return False
    after = closing + 1 < len(doc) and doc[closing + 1].norm_ in _SCREEN_ELEMENTS
    # A name given to a screen's element, not to a letter: 'a tab called "Chargebacks"', 'a letter titled "Notice'.
    named = opening > 0 and (doc[opening - 1].norm_ in _SCREEN_ELEMENTS or doc[opening - 1].lower_ in _NAMING_WORDS)
    element = range(max(0, opening - 1 - _NAME_REACH), opening)
    return after or (named and any(doc[i].norm_ in _SCREEN_ELEMENTS for i in element))


def _stake(doc: Any, span: tuple[int, int], troubles: list[tuple[int, int]]) -> str | None:
    """A business process hanging on the product (_IN_CONTEXT): urgency as a statement with a fault word in its
    sentence or the one before (a "why" is none: "which is why we chose you"), _STAKE_IF_FAULT as a statement
    beside none, which counts with a technical fault anywhere in the ticket ("429 on every call ... our checkout
    depends on this"); nothing in a question."""
    sentence = _sentence(doc, *span)
    if sentence.stop < len(doc) and doc[sentence.stop].text == "?":
        return None
    before = sentence.start - 1
    while before > 0 and (doc[before].is_space or doc[before].text in {".", "!", "?"}):
        before -= 1
    low = _sentence(doc, before, before).start if before > 0 else sentence.start
    near = any(low <= start < sentence.stop and doc[start].lower_ != "why" for start, _ in troubles)
    return "urgency" if near else _STAKE_IF_FAULT


def _own_business(doc: Any, span: tuple[int, int]) -> bool:
    """Whether an own-business veto (_IN_CONTEXT) holds: its sentence says nothing of ours caused or breached it."""
    words = [doc[i].lower_ for i in _sentence(doc, *span)]
    with_us = any(word == "with" and after in _NOT_OWN_WITH for word, after in zip(words, words[1:], strict=False))
    return not (with_us or _NOT_OWN_BUSINESS.intersection(words))


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < other_end and other_start < span[1] for other_start, other_end in others)


def _vetoed(span: tuple[int, int], vetoes: Iterable[tuple[int, int]]) -> bool:
    """Whether a veto overlaps the match. A longer match holding the whole veto stands: "our legal team"
    describes a law firm's staff, "I have forwarded this to our legal team" is a threat."""
    start, end = span
    return any(
        start < veto_end
        and veto_start < end
        and not (start <= veto_start and veto_end <= end and end - start > veto_end - veto_start)
        for veto_start, veto_end in vetoes
    )


def _doc_signals(doc: Any, matcher: Any) -> dict[str, list[tuple[int, int]]]:
    """Signal name -> kept token spans of one document."""
    strings = doc.vocab.strings
    candidates: dict[str, list[tuple[int, int]]] = {}
    vetoes: dict[str, list[tuple[int, int]]] = {}
    sentence_vetoes: dict[str, list[int]] = {}  # signal -> where its sentence-wide context starts
    # The customer refunding their own buyer vetoes its own words and, anywhere in the ticket, the definite mentions
    # of a refund (_OWN_REFUND_CONTEXT).
    own_refunds: list[tuple[int, int]] = []
    mentions: list[tuple[int, int]] = []
    tails: set[tuple[int, int]] = set()
    plain_asks: list[tuple[int, int]] = []
    troubles: list[tuple[int, int]] = []
    trouble_vetoes: list[tuple[int, int]] = []
    resolutions: dict[str, list[tuple[int, int]]] = {}
    still_open: list[tuple[int, int]] = []
    contextual: list[tuple[str, tuple[int, int]]] = []
    for match_id, start, end in matcher(doc):
        key = strings[match_id]
        if key.startswith("plain_ask:"):
            plain_asks.append((start, end))
        elif key.startswith("trouble:"):
            troubles.append((start, end))
        elif key.startswith("trouble_veto:"):
            trouble_vetoes.append((start, end))
        elif key.startswith("resolved:"):
            resolutions.setdefault(key.removeprefix("resolved:"), []).append((start, end))
        elif key.startswith("open:"):
            still_open.append((start, end))
        elif key.startswith("context:"):
            contextual.append((key.removeprefix("context:"), (start, end)))
        elif key.startswith("sentence:"):
            sentence_vetoes.setdefault(key.removeprefix("sentence:"), []).append(start)
        elif key.startswith("own_refund:"):
            own_refunds.append((start, end))
        elif key.startswith("mention:"):
            mentions.append((start, end))
        elif key.startswith("tail:"):
            tails.add((start, end))
            candidates.setdefault(key.removeprefix("tail:"), []).append((start, end))
        else:
            table = vetoes if key.startswith("veto:") else candidates
            table.setdefault(key.removeprefix("veto:"), []).append((start, end))
    found_by_pattern = (
        ("outage", _WHOLE_ORGANISATION_LOCKED_OUT),
        ("data_loss", _INTEGRATION_OVERWROTE),
        ("regulator_complaint", _SUPERVISION_BY_ROLE),
    )
    for signal, pattern in found_by_pattern:
        for match in pattern.finditer(doc.text):
            found = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if found is not None and signal == "regulator_complaint" and not _about_supervision(doc, found):
                continue
            if signal == "outage" and _lock_out_wanted(doc.text, match.start(), match.end()):
                continue
            if signal == "data_loss" and found is not None and _overwrote_no_records(doc, found):
                continue
            # A negator inside an overwrite denies it ("import contacts without overwriting existing ones"); one
            # inside a lock-out is its words ("can't log in").
            denied = signal == "data_loss" and found is not None and any(token.lower_ in _NEGATORS for token in found)
            if found is not None and not denied:
                candidates.setdefault(signal, []).append((found.start, found.end))
    if own_refunds:
        vetoes.setdefault("refund_request", []).extend(own_refunds + mentions)
    # An authority's published document is a reference ("Datatilsynet's template", "the CNIL guidelines"); records
    # to add were never held ("add the missing contacts from the CSV").
    candidates["regulator_complaint"] = [
        span for span in candidates.get("regulator_complaint", []) if not _names_its_guidance(doc, span[1])
    ]
    candidates["data_loss"] = [
        span for span in candidates.get("data_loss", []) if not (span[0] and doc[span[0] - 1].lower_ in _ADDING)
    ]
    troubles = [span for span in troubles if not _overlaps(span, trouble_vetoes)]
    counsel = any(name == "privacy_regulation" for name, _ in contextual) and any(
        token.lower_ in _COUNSEL_WORDS for token in doc
    )
    for name, span in contextual:
        if name == "urgency":
            stake = _stake(doc, span, troubles)
            if stake:
                candidates.setdefault(stake, []).append(span)
        elif counsel if name == "privacy_regulation" else _own_business(doc, span):
            table = vetoes if name.startswith("veto:") else candidates
            table.setdefault(name.removeprefix("veto:"), []).append(span)
    if not troubles:
        asked = [span for span in plain_asks if doc[span[0]].lower_ not in _PAST_TENSE]
        candidates.setdefault("how_to_question", []).extend(asked)
    # A word of trouble inside the reported solution is the solution's: "the duplicates are gone". One that only
    # overlaps it is not: "it hasn't fixed itself".
    resolved = _reported_resolutions(doc, resolutions, troubles) if resolutions else []
    inside = [any(low <= start and end <= high for low, high in resolved) for start, end in still_open]
    if resolved and all(inside):
        candidates["resolved_update"] = resolved

    kept: dict[str, list[tuple[int, int]]] = {}
    for signal, spans in candidates.items():
        taken: list[tuple[int, int]] = []
        negated_spans: list[tuple[int, int]] = []
        # Longest first, then no overlaps: "cancel my subscription" is one match, not three.
        for span in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
            if _vetoed(span, vetoes.get(signal, ())) or _overlaps(span, taken):
                continue
            if signal in _NAMED_NOT_DONE and _quoted_name(doc, span):
                continue
            # A negated match stays taken, so that its shorter parts do not fire in its place ("not leaving
            # for a competitor" is not "a competitor").
            taken.append(span)
            tail_negated = span in tails and _tail_negated(doc, span)
            if signal in _INCIDENT_SIGNALS:
                negated = _is_negated(doc, span[0], _INCIDENT_NEGATION_FILLERS) or _supposed(doc, span)
            else:
                negated = signal not in _NOT_NEGATABLE and _is_negated(doc, span[0])
            if tail_negated or negated:
                negated_spans.append(span)
        context = sentence_vetoes.get(signal, ())
        asserted = [
            span
            for span in taken
            if span not in negated_spans
            and (_names_our_product(doc, span) or not any(start in _clause(doc, *span) for start in context))
        ]
        if asserted:
            kept[signal] = sorted(asserted)

    if _OPEN_PROBLEM_SIGNALS.intersection(kept):
        kept.pop("resolved_update", None)

    for span in kept.pop("cancellation", []):
        sentence = _sentence(doc, *span)
        conditional = any(doc[i].lower_ in _THREAT_CONDITIONS for i in sentence)
        threatened = any(start in sentence for start, _ in kept.get("churn_threat", ()))
        if not (conditional or threatened):
            kept.setdefault("cancellation", []).append(span)
        elif not threatened:
            kept.setdefault("churn_threat", []).append(span)
    return kept


def _not_gone(doc: Any, end: int, stop: int) -> bool:
    """Whether a fault reported gone at ``end`` moved on rather than ended ("gone up"), or took data with it ("the
    duplicates have gone, and so have 200 of our invoices")."""
    if end < len(doc) and doc[end].lower_ in _GONE_ON:
        return True
    reach = range(end, min(stop, end + _ALSO_REACH) - 1)
    return any(doc[i].lower_ in _ALSO and doc[i + 1].lower_ in _ALSO_VERBS for i in reach)


def _reported_resolutions(
    doc: Any, resolutions: dict[str, list[tuple[int, int]]], troubles: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The resolutions (_RESOLVED) the customer reports, unless trouble follows one in its sentence or stands in a
    sentence opening on a contrast ("fixed, but we lost the morning's orders"; "However, the export fails now").
    A solution is reported only in its written past or present form, not asked, hoped or promised, and with no
    trouble told after it: "last time someone fixed it by hand. We can't pay an invoice with VAT on it". One pass
    over the tokens, so that a long text full of matches stays linear."""
    marks = _SentenceMarks.of(doc)
    last_trouble_end = max((trouble_end for _, trouble_end in troubles), default=-1)
    reported = list(resolutions.get("declared", ()))
    for start, end in resolutions.get("event", ()):
        if last_trouble_end > start:  # told after it, or "stopped working again"
            continue
        verbs = [token for token in doc[start:end] if token.norm_ in _RESOLVED_VERBS]
        if any(token.lower_ not in _RESOLVED_FORMS for token in verbs) or marks.not_yet[start]:
            continue
        stop = marks.stops[start]
        if doc[end - 1].lower_ in _GONE and _not_gone(doc, end, stop):
            continue
        asked = stop < len(doc) and doc[stop].text == "?"
        if asked and doc[marks.starts[start]].lower_ in _YES_NO_OPENERS:
            continue
        reported.append((start, end))
    if not reported:
        return []
    first_in_sentence: dict[int, int] = {}
    for start, _ in reported:
        sentence = marks.starts[start]
        first_in_sentence[sentence] = min(start, first_in_sentence.get(sentence, start))
    for trouble_start, _ in troubles:
        after_resolution = first_in_sentence.get(marks.starts[trouble_start], trouble_start) < trouble_start
        if after_resolution or marks.contrasted[trouble_start]:
            return []
    return reported


@dataclass(frozen=True)
class _SentenceMarks:
    """Per token: where its sentence starts and stops (as :func:`_sentence` splits), and whether a word that makes a
    solution not yet reported (_NOT_YET) or a contrast (_CONTRASTS) stands before it in its sentence."""

    starts: list[int]
    stops: list[int]
    not_yet: list[bool]
    contrasted: list[bool]

    @classmethod
    def of(cls, doc: Any) -> _SentenceMarks:
        size = len(doc)
        starts, not_yet, contrasted = [0] * size, [False] * size, [False] * size
        start, seen_not_yet, seen_contrast = 0, False, False
        for index, token in enumerate(doc):
            if token.text in {".", "!", "?"} or token.is_space:
                start, seen_not_yet, seen_contrast = index + 1, False, False
                starts[index] = index
                continue
            starts[index], not_yet[index], contrasted[index] = start, seen_not_yet, seen_contrast
            seen_not_yet = seen_not_yet or token.lower_ in _NOT_YET
            seen_contrast = seen_contrast or token.lower_ in _CONTRASTS
        stops, stop = [size] * size, size
        for index in range(size - 1, -1, -1):
            token = doc[index]
            if token.text in {".", "!", "?"} or token.is_space:
                stop = index
            stops[index] = stop
        return cls(starts, stops, not_yet, contrasted)


@dataclass(frozen=True)
class FoundSignals:
    """What the signals found in one text, from one analysis: the matched words, for the features, and the
    sentences that fired each signal, for the reasons that quote the ticket."""

    # signal name -> the matched surface strings; keys follow SIGNALS order
    matches: dict[str, list[str]]
    # signal name -> the distinct sentences (or phrases of a long sentence) that fired it
    quotes: dict[str, tuple[str, ...]]


def analyse_signals(texts: Iterable[str], batch_size: int = 256) -> list[FoundSignals]:
    """For each text, the signals found (negated and non-literal uses excluded) and their sentences. Signals
    without a match are absent. Each distinct text of the batch is analysed once.

    Only the customer's own prose is read (triage.text.cleaning): a quoted reply, a signature or a
    disclaimer fires nothing, and pasted logs feed only the technical shapes (error codes, stack traces).
    """
    texts = list(texts)
    distinct = list(dict.fromkeys(texts))
    found = {
        text: FoundSignals(
            {name: [match.surface for match in matches] for name, matches in analysed.items()},
            {name: tuple(dict.fromkeys(match.quote for match in matches)) for name, matches in analysed.items()},
        )
        for text, analysed in zip(distinct, _analyse_all(distinct, batch_size), strict=True)
    }
    return [found[text] for text in texts]


def find_signals(texts: Iterable[str], batch_size: int = 256) -> list[dict[str, list[str]]]:
    """For each text, signal name -> the matched surface strings (:func:`analyse_signals`)."""
    return [
        {name: list(surfaces) for name, surfaces in found.matches.items()}
        for found in analyse_signals(texts, batch_size)
    ]


@lru_cache(maxsize=1024)
def signal_evidence(text: str) -> dict[str, tuple[str, ...]]:
    """Signal name -> the sentences that fired it in one text (:attr:`FoundSignals.quotes`), for scores that
    were not made by the model's own analysis. Remembered: a decision's rules read the same text again."""
    return analyse_signals([text], 1)[0].quotes


@dataclass(frozen=True)
class _Match:
    surface: str  # the matched words
    quote: str  # the sentence around them, shortened to QUOTE_CHARS


def _analyse_all(texts: list[str], batch_size: int) -> list[dict[str, list[_Match]]]:
    nlp, matcher = _pipeline()
    cleaned = [clean_text(text) for text in texts]
    # spaCy splits on spaces only: a chunk like "team,\n\nI" misses the tokenizer cache and costs ~6x more.
    docs = nlp.pipe((_for_tokenizer(clean.prose) for clean in cleaned), batch_size=batch_size)
    return [_signals_of(clean, doc, matcher) for clean, doc in zip(cleaned, docs, strict=True)]


# spaCy's tokenizer strips prefixes and suffixes one character at a time, copying the rest of the chunk each
# time: quadratic in the length of a chunk made of punctuation ("!" * 4,000: 1.8 s; "=" * 4,000: 3.7 s) and
# of some other long chunks (":a" * 2,000). A space after every 8 punctuation characters in a row and every
# 200 characters without a space bounds the chunks; spaCy splits such runs into one token per character
# anyway, and no word is 200 characters long.
_TOKENIZER_PUNCTUATION = re.compile(r"[^\w\s]{8}")
_TOKENIZER_CHUNK = re.compile(r"\S{200}")
# Led by the white space it can start with (triage.text.regex_lead): the same line breaks, 15 -> 6 us a ticket.
_TOKENIZER_LINE_BREAKS = led_by_first_characters(_LINE_BREAKS)


def _for_tokenizer(text: str) -> str:
    text = _TOKENIZER_LINE_BREAKS.sub(" \n ", text)
    return _TOKENIZER_CHUNK.sub(r"\g<0> ", _TOKENIZER_PUNCTUATION.sub(r"\g<0> ", text))


@cache
def _scanned_shapes() -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """The shape table as it is scanned: each pattern that starts with a word boundary or a look-around led by
    the characters its matches can start with (triage.text.regex_lead: the same matches; the seat count's
    pattern 25 -> 7 us a ticket)."""
    return tuple((signal, hints, led_by_first_characters(shape)) for signal, hints, shape in _SHAPES)


def _some_calls_fail(match: _Match) -> bool:
    """Whether an outage read from a gateway error ("503 Service Unavailable") is told of some calls only: partial
    words (_PARTIAL_FAILURE) and no word of every call (_WHOLE_SET) within _PARTIAL_REACH characters of it."""
    if not _GATEWAY_ERROR.search(match.surface):
        return False
    at = max(0, match.quote.find(match.surface))
    near = match.quote[max(0, at - _PARTIAL_REACH) : at + len(match.surface) + _PARTIAL_REACH]
    return bool(_PARTIAL_FAILURE.search(near)) and not _WHOLE_SET.search(near)


def _price_paid(text: str, match: re.Match[str]) -> bool:
    """Whether a money amount is what the customer pays us for a period (_PAYS_BEFORE, _PAYS_PERIOD)."""
    before = text[max(0, match.start() - _PAYS_REACH) : match.start()]
    after = text[match.start() : match.end() + 12]
    return bool(_PAYS_BEFORE.search(before) and _PAYS_PERIOD.search(after))


def _signals_of(clean: CleanText, doc: Any, matcher: Any) -> dict[str, list[_Match]]:
    found: dict[str, list[_Match]] = {}
    for signal, kept in _doc_signals(doc, matcher).items():
        if kept:
            found[signal] = [_Match(doc[start:end].text, _token_quote(doc, start, end)) for start, end in kept]
    # Error codes and stack traces may read the pasted logs; the others read the prose only: a 504 in a log line
    # is one failed request, "we all get 503 Service Unavailable" in the customer's words is an outage.
    with_logs = f"{clean.prose}\n{clean.logs}" if clean.logs else clean.prose
    paid: list[_Match] = []  # amounts the customer pays us (_price_paid): contract value, and large money
    # Where the money patterns already read an amount: the bare amount's pattern also reads the one after a currency
    # sign or code ("£140k a year" is "£140k" and "140k a year"), which is one amount, not two.
    amounts_read: list[tuple[int, int]] = []
    for signal, hints, shape in _scanned_shapes():
        text = with_logs if signal in _LOG_SHAPES else clean.prose
        if hints and not any(hint in text for hint in hints):
            continue
        for match in shape.finditer(text):
            # A log line is quoted whole: its dots are not sentence ends.
            ends = "\n" if signal in _LOG_SHAPES else ".!?\n"
            sentence = _sentence_at(text, match.start(), match.end(), ends)
            if signal in _MONEY_SIGNALS and _HOW_TO.match(sentence):
                continue  # "How do I set a $50 limit?" asks how, it puts no money at stake
            if signal == "money_amount":
                if any(match.start() < end and start < match.end() for start, end in amounts_read):
                    continue
                amounts_read.append(match.span())
            # A pattern with named groups reports the group that matched, without the text it skipped.
            surface = match.group(match.lastgroup or 0).strip()
            # Each amount is read on its own: "we pay £9,000 a month and I was charged £18,000" pays one.
            name = signal
            if signal == "money_amount" and _price_paid(text, match):
                name = "contract_value"
                paid.append(_Match(surface, _quote(sentence, surface)))
            found.setdefault(name, []).append(_Match(surface, _quote(sentence, surface)))
    if outages := [match for match in found.pop("outage", ()) if not _some_calls_fail(match)]:
        found["outage"] = outages
    stakes = found.pop(_STAKE_IF_FAULT, [])
    if stakes and any(name in found for name in TECHNICAL_SIGNALS):
        found.setdefault("urgency", []).extend(stakes)
    amounts = [*found.get("money_amount", ()), *paid]
    large = [match for match in amounts if amount_value(match.surface) >= LARGE_MONEY]
    if large:
        found["large_money"] = large
    return {name: found[name] for name in SIGNALS if name in found}


# The labelling guide's "large money" (docs/labelling.md): management attention from this sum up, whatever the
# currency (the guide names no currency; a rate table would date).
LARGE_MONEY = 100_000
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALES = (("billion", 1e9), ("bn", 1e9), ("million", 1e6), ("thousand", 1e3), ("m", 1e6), ("k", 1e3))


def amount_value(surface: str) -> float:
    """The number a money match stands for: "$1.2 million" 1,200,000, "EUR 250,000" 250,000, "40k" 40,000."""
    number = _NUMBER.search(surface)
    if number is None:
        return 0.0
    value = float(number.group().replace(",", ""))
    rest = surface[number.end() :].strip().lower()
    for word, scale in _SCALES:
        if rest.startswith(word) and not rest[len(word) : len(word) + 1].isalpha():
            return value * scale
    return value


_MONEY_SIGNALS = frozenset({"money_amount", "contract_value"})
# A how-to question: a money amount in it is a setting or a price, not money at stake. "Can you refund the
# $50?" and "Why was I charged $50?" are not how-to questions.
_HOW_TO = re.compile(
    # Anchored at the start of the text it reads (one sentence): tried elsewhere, \W* and [^?\n]* would
    # rescan a long run from every position.
    r"\A\W*+(?i:how (?:do|can|could|should|would|to|much|many)|(?:can|could|should) (?:i|we)|is (?:it|there)"
    r"|are there|what(?:'s| is) the (?:best |easiest |right )?way|where (?:do|can|should)|is it possible)\b"
    r"[^?\n]*+\?"
)
QUOTE_CHARS = 160
_SENTENCE_REACH = 400
_QUOTE_TOKENS = 40


def _sentence_at(text: str, start: int, end: int, ends: str) -> str:
    """The sentence of a raw text holding [start, end), its closing ? or ! kept."""
    # Bounded look-around: a text of many matches in one long run would otherwise be read once per match.
    floor, ceiling = max(0, start - _SENTENCE_REACH), min(len(text), end + _SENTENCE_REACH)
    before = max(text.rfind(mark, floor, start) for mark in ends)
    after = min((found for mark in ends if (found := text.find(mark, end, ceiling)) >= 0), default=ceiling - 1)
    stop = after + 1
    return text[max(before + 1, floor) : stop].strip()


# A word as the model's word features read it (triage.model.features.TOKEN_PATTERN).
_WORD_TOKEN = re.compile(r"(?u)\b\w[\w'-]*\b")


def quote_word(text: str, word: str) -> str | None:
    """The first sentence of a text holding a word (compared in lower case, as the model reads words), in one
    line and at most QUOTE_CHARS long; None when the text does not hold it."""
    wanted = word.lower()
    for token in _WORD_TOKEN.finditer(text):
        if token.group().lower() == wanted:
            return _quote(_sentence_at(text, token.start(), token.end(), ".!?\n"), token.group())
    return None


def _token_quote(doc: Any, start: int, end: int) -> str:
    """The sentence of a token span, read at most _QUOTE_TOKENS tokens each way (a long unpunctuated text
    would otherwise be walked once per match)."""
    first, last = start, end
    while first > max(0, start - _QUOTE_TOKENS) and not _ends_sentence(doc[first - 1]):
        first -= 1
    while last < min(len(doc), end + _QUOTE_TOKENS) and not _ends_sentence(doc[last]):
        last += 1
    if last < len(doc) and doc[last].text in {".", "!", "?"}:
        last += 1
    return _quote(doc[first:last].text, doc[start:end].text)


def _ends_sentence(token: Any) -> bool:
    return token.text in {".", "!", "?"} or token.is_space


def _quote(sentence: str, surface: str) -> str:
    """A sentence in one line, cut around its match when longer than QUOTE_CHARS."""
    # One line, and its own double quotes made single: the reason wraps the quote in double quotes.
    sentence = " ".join(sentence.split()).replace('"', "'")
    surface = surface.replace('"', "'")
    if len(sentence) <= QUOTE_CHARS:
        return sentence
    at = max(0, sentence.find(surface))
    start = max(0, at - (QUOTE_CHARS - len(surface)) // 2)
    cut = sentence[start : start + QUOTE_CHARS]
    # Whole words only: drop a word cut at either end.
    if start and not sentence[start - 1].isspace():
        cut = cut.partition(" ")[2] or cut
    if start + QUOTE_CHARS < len(sentence) and not sentence[start + QUOTE_CHARS].isspace():
        cut = cut.rpartition(" ")[0] or cut
    return f"{'…' if start else ''}{cut.strip()}{'…' if start + QUOTE_CHARS < len(sentence) else ''}"


def disclaims_legal(text: str) -> bool:
    """Whether the customer rules out a legal route (_LEGAL_DISCLAIMER) with nothing after it, in its sentence, that
    keeps it open."""
    for match in _LEGAL_DISCLAIMER.finditer(text):
        ceiling = min(len(text), match.end() + _SENTENCE_REACH)
        end = min((found for mark in ".!?\n" if (found := text.find(mark, match.end(), ceiling)) >= 0), default=ceiling)
        if not _DISCLAIMER_KEPT_OPEN.search(text, match.start(), end):
            return True
    return False


def incident_is_live(text: str) -> bool:
    """Whether the text tells an incident happening now (_LIVE_INCIDENT, or a whole organisation locked out that it
    does not want, _WHOLE_ORGANISATION_LOCKED_OUT) that no 'if', 'when' or 'nothing' before it
    in its clause makes supposed or denied, that is no document owed (_MISSING_PAPER), and for which no compensation
    is asked (_COMPENSATION_ASKED)."""
    if _COMPENSATION_ASKED.search(text):
        return False
    lock_outs = (
        match
        for match in _WHOLE_ORGANISATION_LOCKED_OUT.finditer(text)
        if not _lock_out_wanted(text, match.start(), match.end())
    )
    for match in itertools.chain(_LIVE_INCIDENT.finditer(text), lock_outs):
        floor = max(0, match.start() - _CLAUSE_REACH)
        start = max(floor, max((text.rfind(mark, floor, match.start()) for mark in ".!?\n,;"), default=-1) + 1)
        if _SUPPOSED_INCIDENT.search(text, start, match.start()):
            continue
        paper_floor = max(start, match.start() - _PAPER_REACH)
        if "missing" in match.group().lower() and _MISSING_PAPER.search(text[paper_floor : match.start()]):
            continue
        return True
    return False


def executive_watching(text: str) -> bool:
    """Whether the customer's executive follows the case (_EXECUTIVE_WATCHING), not only threatened to be brought in:
    no 'if', 'unless' or 'will have to' before it in its sentence ("if this is not fixed I will have to copy our
    CEO")."""
    for match in _EXECUTIVE_WATCHING.finditer(text):
        floor = max(0, match.start() - _SENTENCE_REACH)
        start = max(floor, max((text.rfind(mark, floor, match.start()) for mark in ".!?\n"), default=-1) + 1)
        if not _EXECUTIVE_SUPPOSED.search(text, start, match.start()):
            return True
    return False


def as_texts(X: Any) -> list[str]:
    """A batch of raw texts (list, tuple, 1-d array or Series of str), validated the way scikit-learn's text
    vectorizers do: a single string or a 2-d array is an error, not a batch."""
    if isinstance(X, str | bytes):
        raise ValueError("Iterable over raw text documents expected, string object received.")
    if getattr(X, "ndim", 1) != 1:
        raise ValueError(f"Expected a 1-d sequence of texts, got an array of shape {X.shape}.")
    texts = list(X)
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"text {index} is {type(text).__name__}, expected str")
    return texts


class SignalCounts(TransformerMixin, BaseEstimator):
    """Escalation-signal counts as features: one column per signal in :data:`SIGNALS` order, holding
    ``log1p(number of matches)`` so that a ticket quoting ten error codes does not dominate a linear model.

    ``fit`` learns nothing; it records the signal names, so that a model trained with one version of this
    module refuses to run with a different signal set instead of silently shifting its columns.

    Input: texts, or what :func:`find_signals` found in them (the feature pipeline finds each ticket's
    signals once and keeps them for the reasons).
    """

    def fit(self, X: Sequence[str] | Sequence[dict[str, list[str]]], y: Any = None) -> SignalCounts:
        _found_signals(X)
        self.signal_names_ = tuple(SIGNALS)
        return self

    def transform(self, X: Sequence[str] | Sequence[dict[str, list[str]]]) -> sp.csr_matrix:
        data, indices, indptr = self.sparse_counts(X)
        return sp.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(SIGNALS)))

    def sparse_counts(self, X: Sequence[str] | Sequence[dict[str, list[str]]]) -> tuple[np.ndarray, ...]:
        """The arrays of ``transform``'s CSR matrix: values, columns (in order within a row), row starts."""
        check_is_fitted(self, "signal_names_")
        if self.signal_names_ != tuple(SIGNALS):
            raise ValueError(
                f"SignalCounts was fitted with {len(self.signal_names_)} signals but this version of "
                f"triage.text.signals has {len(SIGNALS)}; retrain the model."
            )
        found_per_text = _found_signals(X)
        columns = [sorted(_SIGNAL_COLUMN[name] for name in found) for found in found_per_text]
        counts = [
            len(found[SIGNAL_NAMES[column]])
            for found, row in zip(found_per_text, columns, strict=True)
            for column in row
        ]
        indptr = np.cumsum([0, *map(len, columns)], dtype=np.int64)
        indices = np.fromiter((column for row in columns for column in row), dtype=np.int64, count=int(indptr[-1]))
        return np.log1p(np.asarray(counts, dtype=np.float64)), indices, indptr

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "signal_names_")
        return np.asarray([f"signal:{name}" for name in self.signal_names_], dtype=object)

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        # Raw text in, as for CountVectorizer: a 1-d batch of strings, not a 2-d numeric array.
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _found_signals(X: Any) -> list[dict[str, list[str]]]:
    items = list(X) if not isinstance(X, str | bytes) and getattr(X, "ndim", 1) == 1 else X
    if isinstance(items, list) and items and all(isinstance(item, dict) for item in items):
        return items
    return find_signals(as_texts(X))
