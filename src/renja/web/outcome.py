"""What an action's refusal means for the person, in one place for pages, API and CLI.

409: someone saved first (the plan is reloaded); 403: this person may not do this now; 422: a
value that cannot be read. Messages are in Bahasa Indonesia and never echo more than a line of
what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404

from renja.errors import RenjaError
from renja.web.plans.models import Plan, PlanLocked, StaleVersion
from renja.web.plans.permissions import ActionRefused, NotFound

T = TypeVar("T")
MESSAGE_MAX = 400


@dataclass
class Failure:
    status: int
    code: str
    message: str
    plan: Plan | None = None  # the plan as stored now, when the failure reloaded it

    def json(self) -> dict[str, Any]:
        return {"ok": False, "error": self.message, "code": self.code}


def shorten(text: str, limit: int = MESSAGE_MAX) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def saved_by(plan: Plan) -> str:
    """Who saved ``plan`` last, as the person reads it."""
    user = plan.updated_by
    return (user.get_full_name() or user.username) if user else "pengguna lain"


def stale_message(plan: Plan) -> str:
    return (f"Renja ini sudah diubah oleh {saved_by(plan)} setelah Anda membukanya (sekarang "
            f"versi {plan.version}); perubahan Anda tidak disimpan. Muat ulang, periksa, lalu "
            f"ulangi.")


def stale_row_message(plan: Plan) -> str:
    """The same refusal at a row whose form keeps what was typed."""
    return (f"Renja ini sudah diubah oleh {saved_by(plan)} (sekarang versi {plan.version}) "
            f"setelah Anda membuka formulir ini; perubahan Anda belum disimpan. Nilai yang Anda "
            f"ketik masih ada di bawah: Simpan lagi untuk menyimpannya di atas versi "
            f"{plan.version}, atau Batal untuk melihat perubahan tersebut.")


def failure_of(exc: Exception) -> Failure | None:
    """The failure an exception stands for, or None for one that is a bug."""
    if isinstance(exc, StaleVersion):
        return Failure(409, "versi", stale_message(exc.plan), exc.plan)
    if isinstance(exc, PlanLocked):
        return Failure(403, "terkunci", "Renja sudah ditetapkan dan dikunci; buka perubahan "
                                        "untuk mengubahnya.", exc.plan)
    if isinstance(exc, NotFound):
        return Failure(404, exc.code, shorten(exc.message("id")))
    if isinstance(exc, ActionRefused):
        return Failure(403, exc.code, shorten(exc.message("id")))
    if isinstance(exc, RenjaError) and exc.code == "versi":  # another record saved first
        return Failure(409, exc.code, shorten(exc.message("id")))
    if isinstance(exc, RenjaError):
        return Failure(422, exc.code, shorten(exc.message("id")))
    if isinstance(exc, PermissionDenied):
        return Failure(403, "ditolak", shorten(str(exc) or "Anda tidak berhak melakukan ini."))
    return None


def attempt(call: Callable[[], T]) -> tuple[T | None, Failure | None]:
    """``call()``'s result, or the failure it ended in (other exceptions are raised)."""
    try:
        return call(), None
    except (RenjaError, StaleVersion, PlanLocked, PermissionDenied) as exc:
        failed = failure_of(exc)
        assert failed is not None
        return None, failed


def raise_refusal(failed: Failure) -> None:
    """For pages: a refusal (403) or an object out of reach (404) is an error page, not a
    message on the next page."""
    if failed.status == 404:
        raise Http404(failed.message)
    if failed.status == 403:
        raise PermissionDenied(failed.message)
