"""The deterministic demo street generator (七里河街道 and, with ``scale``, its neighbours)."""

from desktop.models.demo.builder import DemoSummary, build_demo

__all__ = ["DemoSummary", "build_demo"]
