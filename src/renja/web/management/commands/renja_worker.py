"""Run background jobs from the Redis queue (RENJA_REDIS_URL): ``renja worker``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from renja.errors import RenjaError
from renja.web.plans.jobs import work_once


class Command(BaseCommand):
    help = "Run the background jobs queued in Redis (RENJA_REDIS_URL) until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--burst", action="store_true",
                            help="Stop when the queue is empty.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            work_once(burst=options["burst"])
        except RenjaError as failed:
            raise CommandError(failed.message("id")) from failed
