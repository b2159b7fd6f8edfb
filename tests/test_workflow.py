import pytest

from renja.workflow import WorkflowError, editable, next_state


@pytest.mark.parametrize(("action", "before", "after"), [
    ("propose", ("rancangan_awal", "draf"), ("rancangan_awal", "menunggu_kepala")),
    ("propose", ("rancangan", "dikembalikan"), ("rancangan", "menunggu_kepala")),
    ("decline", ("rancangan", "menunggu_kepala"), ("rancangan", "dikembalikan")),
    ("submit", ("rancangan", "menunggu_kepala"), ("rancangan", "diajukan")),
    ("submit", ("rancangan_awal", "draf"), ("rancangan_awal", "diajukan")),
    ("submit", ("rancangan", "dikembalikan"), ("rancangan", "diajukan")),
    ("return", ("rancangan", "diajukan"), ("rancangan", "dikembalikan")),
    ("accept", ("rancangan_awal", "diajukan"), ("rancangan", "draf")),
    ("accept", ("forum_pd", "diajukan"), ("rancangan_akhir", "draf")),
    ("accept", ("rancangan_akhir", "diajukan"), ("rancangan_akhir", "diterima")),
    ("set", ("rancangan_akhir", "diterima"), ("penetapan", "ditetapkan")),
    ("perubahan", ("penetapan", "ditetapkan"), ("perubahan", "draf")),
    ("accept", ("perubahan", "diajukan"), ("perubahan", "diterima")),
    ("set", ("perubahan", "diterima"), ("penetapan", "ditetapkan")),
])
def test_each_allowed_transition_leads_to_the_next_state(action, before, after):
    assert next_state(action, *before) == after


@pytest.mark.parametrize(("action", "before", "message"), [
    ("submit", ("rancangan", "diajukan"),
     "tidak dapat setujui dan ajukan ke Bappeda: Renja berstatus 'diajukan ke Bappeda' pada "
     "tahapan 'Rancangan'; hanya Renja berstatus menunggu persetujuan Kepala OPD, draf atau "
     "dikembalikan yang dapat"),
    ("propose", ("rancangan", "menunggu_kepala"),
     "tidak dapat ajukan ke Kepala OPD: Renja berstatus 'menunggu persetujuan Kepala OPD' pada "
     "tahapan 'Rancangan'; hanya Renja berstatus draf atau dikembalikan yang dapat"),
    ("accept", ("rancangan", "draf"),
     "tidak dapat terima: Renja berstatus 'draf' pada tahapan 'Rancangan'; hanya Renja "
     "berstatus diajukan ke Bappeda yang dapat"),
    ("set", ("rancangan", "diterima"),
     "tidak dapat menetapkan: Renja pada tahapan 'Rancangan'; hanya rancangan akhir atau "
     "perubahan yang sudah diterima yang dapat ditetapkan"),
    ("propose", ("penetapan", "ditetapkan"),
     "tidak dapat ajukan ke Kepala OPD: Renja berstatus 'ditetapkan' pada tahapan 'Penetapan'; "
     "hanya Renja berstatus draf atau dikembalikan yang dapat"),
    ("perubahan", ("rancangan_akhir", "diterima"),
     "tidak dapat buka perubahan: Renja berstatus 'diterima' pada tahapan 'Rancangan akhir'; "
     "hanya Renja berstatus ditetapkan yang dapat"),
])
def test_a_transition_from_the_wrong_state_is_refused_with_the_reason(action, before, message):
    with pytest.raises(WorkflowError) as exc:
        next_state(action, *before)
    assert exc.value.message("id") == message


def test_only_drafts_and_returned_plans_can_be_edited():
    assert editable("rancangan", "draf") and editable("rancangan", "dikembalikan")
    assert not editable("rancangan", "diajukan")
    assert not editable("penetapan", "ditetapkan")
