"""How the plans' JSON is stored."""

from __future__ import annotations

import pytest
from django.db import connection


def test_postgresql_compresses_the_plans_json_with_lz4(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's column compression")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                       "WHERE name = 'default_toast_compression'")
        if not cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL was built without lz4")
        cursor.execute("SELECT attrelid::regclass::text, attcompression FROM pg_attribute "
                       "WHERE attname = 'data' AND attrelid IN ('plans_plan'::regclass, "
                       "'plans_planversion'::regclass, 'plans_pendingimport'::regclass) "
                       "ORDER BY 1")
        assert cursor.fetchall() == [("plans_pendingimport", "l"), ("plans_plan", "l"),
                                     ("plans_planversion", "l")]
