"""Entry point of the frozen build: the same ``dutyroom`` command as the console script."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
