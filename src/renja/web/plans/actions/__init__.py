"""The only code that writes: every change to a plan, its comments, imports and the pemda's
administration is one function here.

Each action, in one transaction: takes the plan's row lock, asks
:func:`renja.web.plans.permissions.require` whether this person may do it now (role, agency,
stage, schedule, lock), checks the version the person saw, applies a plain core function
(:mod:`renja.edit`, :mod:`renja.edit_tables`, :mod:`renja.workflow`), stores, writes the audit
entries and refreshes the caches. Views, the API and the CLI only translate requests into these
calls and their errors into responses (:mod:`renja.web.outcome`).
"""

from __future__ import annotations

from renja.web.plans.actions.comments import comment, resolve
from renja.web.plans.actions.cycle import (
    accept,
    decline,
    open_comments,
    open_perubahan,
    perform,
    propose,
    return_plan,
    set_plan,
    snapshot,
    submit,
)
from renja.web.plans.actions.edit import change_plan, read_version
from renja.web.plans.actions.signing import Signer
from renja.web.plans.permissions import ActionRefused, stage_open

__all__ = ["ActionRefused", "Signer", "accept", "change_plan", "comment", "decline",
           "open_comments", "open_perubahan", "perform", "propose", "read_version", "resolve",
           "return_plan", "set_plan", "snapshot", "stage_open", "submit"]
