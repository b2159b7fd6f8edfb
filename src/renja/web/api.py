"""The JSON API (OpenAPI at /api/docs): the same access rules and core as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import NinjaAPI, Schema, Status
from ninja.security import SessionAuth

from renja.edit import set_value
from renja.errors import RenjaError
from renja.web.outcome import failure_of
from renja.web.plans import checked
from renja.web.plans.access import get_plan, get_readable, readable_plans
from renja.web.plans.actions import Signer, change_plan, perform
from renja.web.plans.models import PlanLocked, StaleVersion

api = NinjaAPI(title="renja API", version="1", urls_namespace="api",
               description="Rencana Kerja Perangkat Daerah. Galat: {ok: false, error, code}.")


class PlanSummary(Schema):
    id: int
    perangkat_daerah: str
    pemda: str
    tahun: int
    tahapan: str
    version: int
    published: bool


class Edit(Schema):
    path: str
    field: str
    value: str
    version: int
    indikator: int = 0


class Problem(Schema):
    ok: bool = False
    error: str
    code: str


def _summary(plan: Any) -> dict[str, Any]:
    return {"id": plan.pk, "perangkat_daerah": plan.perangkat_daerah.nama,
            "pemda": plan.perangkat_daerah.pemda.nama, "tahun": plan.tahun,
            "tahapan": plan.tahapan, "version": plan.version, "published": plan.published}


@api.exception_handler(RenjaError)
@api.exception_handler(StaleVersion)
@api.exception_handler(PlanLocked)
@api.exception_handler(PermissionDenied)
def refused(request: HttpRequest, exc: Exception) -> Any:
    """Every refusal of an action, mapped like the pages map it (409, 403, 422)."""
    failed = failure_of(exc)
    assert failed is not None
    return api.create_response(request, failed.json(), status=failed.status)


@api.get("/plans", response=list[PlanSummary], auth=None)
def list_plans(request: HttpRequest) -> list[dict[str, Any]]:
    """Plans the caller works with, and every published one."""
    return [_summary(p) for p in readable_plans(request.user).defer("data")]


@api.get("/plans/{plan_id}", auth=None)
def plan_json(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    """The whole plan in the canonical renja/1 JSON format (a published one for anyone)."""
    return get_readable(request.user, plan_id).data


@api.get("/plans/{plan_id}/findings", auth=None)
def findings(request: HttpRequest, plan_id: int, lang: str = "id") -> dict[str, Any]:
    """The findings of `renja check`, as `renja check --format json` prints them."""
    found = checked.findings(get_plan(request.user, plan_id), lang=lang)
    return {"findings": [f.to_json() for f in found],
            "summary": {s: sum(1 for f in found if f.severity == s)
                        for s in ("error", "warning", "info")}}


class Act(Schema):
    note: str = ""
    override: bool = False
    nomor: str = ""
    tanggal: str = ""
    nama: str = ""
    jabatan: str = ""
    pangkat: str = ""
    nip: str = ""
    tempat: str = ""


@api.post("/plans/{plan_id}/actions/{action}", auth=SessionAuth(),
          response={200: PlanSummary, 403: Problem, 422: Problem})
def act(request: HttpRequest, plan_id: int, action: str, body: Act) -> Any:
    """A step of the cycle: propose (planner to head), decline (head back to planner), submit
    (head approves, signs and submits to Bappeda), return, accept, set, perubahan (the same
    rules as pages)."""
    signer = Signer(nama=body.nama, jabatan=body.jabatan, pangkat=body.pangkat, nip=body.nip,
                    tempat=body.tempat)
    plan = perform(get_plan(request.user, plan_id), request.user, action, note=body.note,
                   override=body.override, nomor=body.nomor, tanggal=body.tanggal, via="api",
                   signer=signer)
    return Status(200, _summary(plan))


@api.patch("/plans/{plan_id}", auth=SessionAuth(),
           response={200: PlanSummary, 403: Problem, 409: Problem, 422: Problem})
def edit_plan(request: HttpRequest, plan_id: int, edit: Edit) -> Any:
    """Change one value of one T-C.33 row; refused with 409 when `version` is not current."""
    plan = get_plan(request.user, plan_id)
    saved = change_plan(plan.pk, request.user, lambda renja: set_value(
        renja, edit.path, edit.field, edit.value, edit.indikator), edit.version, via="api")
    return Status(200, _summary(saved))
