"""Background jobs: long work (a pemda's documents, a ZIP of 40 plans, next year's plans, an
export of everything) run outside the request, its progress kept on the :class:`Job` row
that the browser follows.

With ``RENJA_REDIS_URL`` jobs go to an RQ queue on that Redis and a worker runs them
(``renja worker``; any number, on any machine that reaches the database). Without it, a
thread of the web process runs them, so the demo needs nothing more. A job's work either
finishes or fails with the reason; work that saves does so in one transaction at its end, so
a failed job leaves nothing half-saved.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connections, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone
from rq import Queue, SimpleWorker

from renja.errors import RenjaError
from renja.progress import Progress
from renja.web.plans.models import Job
from renja.web.shared import redis

JOB_TIMEOUT = 3600
log = logging.getLogger(__name__)

Work = Callable[[Job, Progress], None]
"""Does the job, reporting progress; sets ``result``/``result_name``/``message``/``link`` on
it, or raises :class:`RenjaError` to fail with that message."""


@dataclass(frozen=True)
class Kind:
    name: str
    title: str
    work: Work


KINDS: dict[str, Kind] = {}


def kind(name: str, title: str) -> Callable[[Work], Work]:
    """Register a job's work under ``name``, shown to people as ``title``."""
    def register(work: Work) -> Work:
        KINDS[name] = Kind(name, title, work)
        return work
    return register


def submit(name: str, user: Any, pemda: Any, params: dict[str, Any] | None = None,
           upload: bytes | None = None, upload_name: str = "") -> Job:
    """Record a job and hand it to the queue (or a thread) once the caller's transaction
    commits."""
    job = Job.objects.create(kind=name, pemda=pemda, created_by=user, params=params or {},
                             upload=upload, upload_name=upload_name[:255])
    transaction.on_commit(lambda: _dispatch(job.pk))
    return job


def _dispatch(pk: int) -> None:
    shared = redis()
    if shared is not None:
        Queue(_queue_name(), connection=shared).enqueue(run, pk, job_timeout=JOB_TIMEOUT,
                                                result_ttl=0, failure_ttl=24 * 3600)
        return
    threading.Thread(target=_in_thread, args=(pk,), name=f"renja-job-{pk}",
                     daemon=True).start()


def _in_thread(pk: int) -> None:
    try:
        run(pk)
    finally:
        connections.close_all()  # this thread's own connections


def run(pk: int) -> None:
    """Do job ``pk`` (a queue worker, or a thread, calls this)."""
    import_module("renja.web.plans.job_kinds")  # registers the kinds
    close_old_connections()
    started = Job.objects.filter(pk=pk, status=Job.Status.ANTRI).update(
        status=Job.Status.BERJALAN, started_at=timezone.now())
    if not started:
        return  # done already, or another worker has it
    job = Job.objects.get(pk=pk)
    reporter = _Reporter(job)
    try:
        KINDS[job.kind].work(job, reporter)
    except RenjaError as failed:
        reporter.flush()  # the step it stopped at
        _fail(job, " ".join(filter(None, (failed.message("id"), failed.hint("id")))))
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        reporter.flush()
        _fail(job, f"Terjadi kesalahan tak terduga (pekerjaan nomor {job.pk}); tidak ada yang "
                   "disimpan. Laporkan nomor ini kepada admin.")
    else:
        job.status, job.finished_at = Job.Status.SELESAI, timezone.now()
        job.done = job.total
        job.save(update_fields=["status", "finished_at", "done", "result", "result_name",
                                "message", "link"])


STOPPED = ("Pekerjaan terhenti tanpa selesai (prosesnya berhenti atau melewati batas waktu); "
           "tidak ada yang disimpan. Jalankan lagi.")


def expire_stale() -> int:
    """Jobs waiting or running for longer than a job may take, whose worker or web process
    stopped (a restart, a crash): failed, so nobody waits for them forever."""
    limit = timezone.now() - datetime.timedelta(seconds=JOB_TIMEOUT + 600)
    return Job.objects.filter(status__in=(Job.Status.ANTRI, Job.Status.BERJALAN),
                              created_at__lt=limit).update(
        status=Job.Status.GAGAL, message=STOPPED, finished_at=timezone.now())


def clear_old_files() -> int:
    """The files of jobs that ended more than ``RENJA_JOB_KEEP_DAYS`` days ago (a pemda's
    documents, an export: tens of megabytes each) removed from the database; the job's row
    stays, and says so."""
    days = settings.RENJA_JOB_KEEP_DAYS
    limit = timezone.now() - datetime.timedelta(days=days)
    return Job.objects.filter(finished_at__lt=limit).exclude(
        result__isnull=True, upload__isnull=True).update(
        result=None, upload=None, result_name="", message=Concat(
            F("message"), Value(f" Berkasnya dihapus {days} hari setelah selesai; jalankan "
                                f"pekerjaan ini lagi bila masih perlu.")))


def _fail(job: Job, message: str) -> None:
    Job.objects.filter(pk=job.pk).update(status=Job.Status.GAGAL, message=message,
                                         finished_at=timezone.now(), result=None)


class _Reporter:
    """Writes progress to the job's row, at most a few times a second (and every last step)."""

    every = 0.2

    def __init__(self, job: Job) -> None:
        self.job = job
        self.last = 0.0

    def __call__(self, done: int, total: int, what: str) -> None:
        self.job.done, self.job.total, self.job.step = done, total, what[:255]
        now = time.monotonic()
        if now - self.last < self.every and done < total:
            return
        self.last = now
        self.flush()

    def flush(self) -> None:
        Job.objects.filter(pk=self.job.pk).update(done=self.job.done, total=self.job.total,
                                                  step=self.job.step)


def _queue_name() -> str:
    """The RQ queue of this installation (its Redis prefix: several may share one Redis)."""
    return f"{settings.RENJA_REDIS_PREFIX}-jobs"


def work_once(burst: bool = True) -> None:
    """Run a worker of the queue (``burst``: until it is empty)."""
    shared = redis()
    if shared is None:
        raise RenjaError("RENJA_REDIS_URL is not set: jobs run in the web process",
                         "RENJA_REDIS_URL belum diisi: pekerjaan dijalankan oleh proses web")
    worker = SimpleWorker([Queue(_queue_name(), connection=shared)], connection=shared)
    worker.work(burst=burst, with_scheduler=False)
