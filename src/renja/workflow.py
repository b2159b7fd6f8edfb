"""The planning cycle as explicit states and transitions (Permendagri 86/2017).

A plan is in a stage (tahapan) and, within it, a status. The agency's planner drafts and
proposes it to the head of the agency, who approves it (signing it) and submits it to Bappeda,
or returns it to the planner; Bappeda returns it with notes or accepts it, which moves it to
the next stage; after the rancangan akhir is accepted the pemda sets it (penetapan), which locks
it for good; a perubahan opens a new revision from a set plan. Every refusal says why, in both
languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from renja.errors import RenjaError
from renja.words import STAGES as STAGES_IN_WORDS
from renja.words import STATUSES as STATUSES_IN_WORDS

STAGES = ("rancangan_awal", "rancangan", "forum_pd", "rancangan_akhir")
FINAL_REVIEW = ("rancangan_akhir", "perubahan")
STATUSES = ("draf", "menunggu_kepala", "diajukan", "dikembalikan", "diterima", "ditetapkan")
EDITABLE_STATUSES = ("draf", "dikembalikan")
STAGE_LABELS = STAGES_IN_WORDS


class WorkflowError(RenjaError):
    code = "alur"


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    roles: tuple[str, ...]
    from_statuses: tuple[str, ...]
    audit: str

    def refuse_state(self, tahapan: str, status: str) -> WorkflowError:
        named = [_said(s) for s in self.from_statuses]
        allowed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} atau {named[-1]}"
        allowed_en = " or ".join(self.from_statuses)
        return WorkflowError(
            f"cannot {self.name}: the plan is '{status}' in stage '{tahapan}'; only a plan that "
            f"is {allowed_en} can be",
            f"tidak dapat {_said(self.label)}: Renja berstatus '{_said(status)}' pada tahapan "
            f"'{STAGE_LABELS.get(tahapan, tahapan)}'; hanya Renja berstatus {allowed} yang dapat")


def _said(code_or_label: str) -> str:
    """A status (or an action's label) in words inside a sentence: ``menunggu_kepala`` →
    ``menunggu persetujuan Kepala OPD``."""
    text = STATUSES_IN_WORDS.get(code_or_label, code_or_label)
    return text[:1].lower() + text[1:]


ACTIONS: dict[str, Action] = {
    "propose": Action("propose", "Ajukan ke Kepala OPD", ("perencana",), EDITABLE_STATUSES,
                      "renja.renja.propose"),
    "decline": Action("decline", "Kembalikan ke perencana", ("kepala",), ("menunggu_kepala",),
                      "renja.renja.decline"),
    "submit": Action("submit", "Setujui dan ajukan ke Bappeda", ("kepala",),
                     ("menunggu_kepala", *EDITABLE_STATUSES), "renja.renja.submit"),
    "return": Action("return", "Kembalikan", ("verifikator",), ("diajukan",),
                     "renja.renja.return"),
    "accept": Action("accept", "Terima", ("verifikator",), ("diajukan",), "renja.renja.accept"),
    "set": Action("set", "Tetapkan", ("admin",), ("diterima",), "renja.renja.set"),
    "perubahan": Action("perubahan", "Buka perubahan", ("admin",), ("ditetapkan",),
                        "renja.renja.perubahan"),
}


def next_state(action: str, tahapan: str, status: str) -> tuple[str, str]:
    """The (tahapan, status) an action leads to; :class:`WorkflowError` when it may not happen."""
    if action not in ACTIONS:
        raise WorkflowError(f"unknown action '{action}'", f"tindakan '{action}' tidak dikenal")
    spec = ACTIONS[action]
    if status not in spec.from_statuses:
        raise spec.refuse_state(tahapan, status)
    if action == "propose":
        return tahapan, "menunggu_kepala"
    if action == "submit":
        return tahapan, "diajukan"
    if action in ("return", "decline"):
        return tahapan, "dikembalikan"
    if action == "accept":
        if tahapan in FINAL_REVIEW:
            return tahapan, "diterima"
        following = STAGES[STAGES.index(tahapan) + 1] if tahapan in STAGES else tahapan
        return following, "draf"
    if action == "set":
        if tahapan not in FINAL_REVIEW:
            raise WorkflowError(
                f"cannot set: the plan is in stage '{tahapan}'; only an accepted rancangan akhir "
                f"or perubahan can be set",
                f"tidak dapat menetapkan: Renja pada tahapan "
                f"'{STAGE_LABELS.get(tahapan, tahapan)}'; hanya rancangan akhir atau perubahan "
                f"yang sudah diterima yang dapat ditetapkan")
        return "penetapan", "ditetapkan"
    return "perubahan", "draf"


def editable(tahapan: str, status: str) -> bool:
    return tahapan != "penetapan" and status in EDITABLE_STATUSES
