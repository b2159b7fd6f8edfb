"""Audit entries of the pemda's administration; the audit trail protected in the database.

PostgreSQL: a trigger refuses every UPDATE and DELETE of an audit entry (whoever sends it,
Django or raw SQL). SQLite: a trigger refuses every UPDATE (a DELETE is refused by the
foreign key to the plan, and by the model's manager; emptying a test database must stay
possible). A plan with an audit trail cannot be deleted (PROTECT).
"""

import django.db.models.deletion
from django.db import migrations, models

PG_FORWARD = """
CREATE OR REPLACE FUNCTION renja_audit_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER renja_audit_append_only BEFORE UPDATE OR DELETE ON plans_auditentry
    FOR EACH ROW EXECUTE FUNCTION renja_audit_refuse();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS renja_audit_append_only ON plans_auditentry;
DROP FUNCTION IF EXISTS renja_audit_refuse();
"""
SQLITE_FORWARD = """
CREATE TRIGGER renja_audit_no_update BEFORE UPDATE ON plans_auditentry
BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS renja_audit_no_update;"


def _run(sql: dict[str, str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        statements = sql.get(schema_editor.connection.vendor)
        if statements:
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(statements)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('plans', '0002_ranwal'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditentry',
            name='pemda',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='audit', to='accounts.pemda'),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='plan',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='audit', to='plans.plan'),
        ),
        migrations.RunPython(_run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
                             _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD})),
    ]
