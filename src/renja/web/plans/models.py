"""A Renja stored as its canonical JSON (renja/1), with a version for optimistic locking."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from renja.domain import Renja
from renja.io import json as renja_json
from renja.web.accounts.models import PerangkatDaerah


class StaleVersion(Exception):
    """Someone saved the plan since this edit began."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(f"plan {plan.pk} changed")
        self.plan = plan


class Plan(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE,
                                         related_name="plans")
    tahun = models.PositiveIntegerField()
    tahapan = models.CharField(max_length=30, default="rancangan_awal")
    published = models.BooleanField(default=False)
    data = models.JSONField(help_text="The plan in the renja/1 format")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["perangkat_daerah__nama", "-tahun"]
        constraints = [models.UniqueConstraint(fields=["perangkat_daerah", "tahun"],
                                               name="plan_unique_year")]

    def __str__(self) -> str:
        return f"Renja {self.perangkat_daerah} {self.tahun}"

    def renja(self) -> Renja:
        return Renja.model_validate(self.data)

    @staticmethod
    def dump(renja: Renja) -> dict[str, object]:
        import json

        return json.loads(renja_json.dumps(renja))

    def store(self, renja: Renja, user: object, expected_version: int) -> None:
        """Save ``renja`` if nobody saved since ``expected_version``; else :class:`StaleVersion`."""
        data = self.dump(renja)
        now = timezone.now()
        changed = Plan.objects.filter(pk=self.pk, version=expected_version).update(
            data=data, version=expected_version + 1, updated_at=now, updated_by=user)
        if not changed:
            self.refresh_from_db()
            raise StaleVersion(self)
        self.data, self.version, self.updated_at, self.updated_by = (
            data, expected_version + 1, now, user)


class PendingImport(models.Model):
    """An uploaded file read and checked, waiting for the user to confirm or cancel."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE,
                                         related_name="+")
    file_name = models.CharField(max_length=300)
    data = models.JSONField()
    report = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
