"""A policy: one validated escalation configuration with its identity (name, version, SHA-256).

The policy changes without retraining: a model directory keeps the configuration it was trained and
calibrated with, and any other valid configuration can be applied over the same model (``--config FILE``,
the API's reload). Every prediction records the policy that decided it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from triage.policy.config import (
    DEFAULT_CONFIG_PATH,
    ConfigError,
    EscalationConfig,
    dump_config,
    parse_config,
    read_config_text,
)
from triage.schema import PolicyRef


@dataclass(frozen=True)
class Policy:
    config: EscalationConfig
    ref: PolicyRef

    @classmethod
    def from_text(cls, text: str, source: str) -> Policy:
        config = parse_config(text, source)
        # The hash of the rules themselves (their canonical YAML): comments, key order and layout do not
        # change it, so the shipped file and the copy saved beside a model have one identity.
        digest = hashlib.sha256(dump_config(config).encode("utf-8")).hexdigest()
        name = config.name or Path(source).stem
        # Without a revision in the file, the content's hash is its version.
        version = str(config.revision) if config.revision is not None else digest[:12]
        return cls(config, PolicyRef(name=name, version=version, sha256=digest))


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy in a configuration file; ``None``: the default shipped with triage."""
    path = Path(path) if path is not None else DEFAULT_CONFIG_PATH
    return Policy.from_text(read_config_text(path), path.name)


def check_against_model(config: EscalationConfig, team_head_teams: Iterable[str], source: str) -> None:
    """Refuse, in one line, a configuration that cannot drive this model's heads.

    A model with a team head routes among the teams it learned: each must still be defined, or its
    tickets would silently fall to another route. Rules may only read team probabilities the model
    computes. Teams reached by rules alone need no head, and ``thresholds.teams`` are only defaults for
    teams without a learned threshold, so neither is checked.
    """
    learned = list(team_head_teams)
    defined = {team.name for team in config.teams}
    undefined = [name for name in learned if name not in defined]
    if undefined:
        raise ConfigError(
            f"{source}: the model routes to team(s) {', '.join(undefined)}, which this configuration does not "
            "define; keep them (rename with care: the team head learned these names) or retrain"
        )
    unknown = sorted(_team_probability_names(config) - set(learned))
    if unknown:
        has = f"it learned {', '.join(learned)}" if learned else "it has no team head"
        raise ConfigError(
            f"{source}: rules read the team probability of {', '.join(unknown)}, which the model does not compute "
            f"({has}); change those rules or retrain with team labels for them"
        )


def _team_probability_names(config: EscalationConfig) -> set[str]:
    names = set()
    for criterion in config.criteria:
        conditions = [criterion.when] + ([criterion.tier_above] if criterion.tier_above is not None else [])
        for condition in conditions:
            names |= {leaf.team_probability for _, leaf in condition.leaves("") if leaf.team_probability}
    return names
