"""六有 compliance: evidence from the replica, scoring against a standard kept as data."""

from desktop.models.compliance.evidence import Evidence, station_evidence, street_evidence
from desktop.models.compliance.scoring import Compliance, ItemResult, Standard, score

__all__ = ["Compliance", "Evidence", "ItemResult", "Standard", "score", "station_evidence",
           "street_evidence"]
