"""The operator window replaying a demo drill at 1×, for the idle benchmark.

    python benchmarks/replay_window.py --replica PATH [--ready-file PATH]

``dutyroom`` has no flag that opens a replay, so this runs the product's own
start-up (``desktop.app.run``) with a ``Dashboard`` that, once the live picture
is ready and the drills are listed, does what the operator does on the replay
bar: opens the newest drill, moves to its first arrival, sets 1× and presses
play. Only then is ``READY <ms since process start>`` written to
``--ready-file`` (the product's own READY line for the live picture is printed
earlier, as always). Runs until terminated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

LEAD_S = 5.0  # start playing this long before the drill's first arrival


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replica", required=True)
    parser.add_argument("--ready-file", type=Path, default=None)
    args = parser.parse_args()

    from desktop import app, settings
    from desktop.models.replay import DrillInfo
    from desktop.models.replay.source import Replay

    class ReplayingDashboard(app.Dashboard):
        def __init__(self, config: settings.Settings, screen_height: int) -> None:
            super().__init__(config, screen_height)
            assert self.replay is not None, "the operator window has the replay controls"
            self._live = False
            self._drills: tuple[DrillInfo, ...] | None = None
            self.tracker.ready.connect(self._live_ready)
            self.replay.drills_ready.connect(self._listed)
            self.replay.opened.connect(self._play)
            self.replay.failed.connect(lambda text: sys.exit(f"replay failed: {text}"))

        def _live_ready(self) -> None:
            self._live = True
            self._open()

        def _listed(self, drills: tuple[DrillInfo, ...]) -> None:
            if not drills:
                sys.exit("the replica holds no drill to replay")
            self._drills = drills
            self._open()

        def _open(self) -> None:
            if self._live and self._drills and self.replay is not None:
                self.replay.open_drill(self._drills[0].id)  # newest first
                self._drills = ()

        def _play(self, replay: Replay) -> None:
            controller = self.replay
            assert controller is not None
            marks = [m for m in replay.engine.arrival_times() if m >= replay.start]
            first = min(marks, default=replay.start)
            controller.seek(first - dt.timedelta(seconds=LEAD_S))
            controller.set_speed(1.0)
            controller.play()
            elapsed = app.process_age_ms()
            print(f"REPLAY PLAYING {elapsed}", flush=True)
            if args.ready_file is not None:
                args.ready_file.write_text(f"{elapsed}\n")

    # run() builds whatever app.Dashboard names when it is called.
    app.Dashboard = ReplayingDashboard  # type: ignore[misc, assignment]
    config = settings.load({"replica": args.replica, "wall": False})
    return app.run(config)


if __name__ == "__main__":
    sys.exit(main())
