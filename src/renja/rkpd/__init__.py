"""The RKPD compiled from all agencies' plans of a pemda: ceilings, cross-agency checks."""

from renja.rkpd.compile import Rkpd, RkpdRow, compile_rkpd
from renja.rkpd.model import PemdaPlans, Unit

__all__ = ["PemdaPlans", "Rkpd", "RkpdRow", "Unit", "compile_rkpd"]
