"""Street Duty Room (街道应急值班指挥台): the duty room's wall-screen dashboard."""

__version__ = "0.1.0"
