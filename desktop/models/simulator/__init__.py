"""``dutyroom simulate``: a live feed written into a replica, without Qt.

New incidents through their lifecycle, station walk-throughs done or missed,
kit going out and coming back, check-ins and handovers, now and then a
severity raised, and on request a scripted drill played as exercise
incidents; the writer's heartbeat throughout. Deterministic for a seed.
"""

from desktop.models.simulator.engine import ManualClock, RealClock
from desktop.models.simulator.simulator import Simulator, SimulatorOptions

__all__ = ["ManualClock", "RealClock", "Simulator", "SimulatorOptions"]
