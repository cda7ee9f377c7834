"""Package data (map assets, translations, demo data), installed as desktop.resources."""

from importlib.resources import files
from importlib.resources.abc import Traversable


def path(*parts: str) -> Traversable:
    """The one way to find a resource, wherever the package is installed or frozen."""
    node = files(__name__)
    for part in parts:
        node = node / part
    return node
