import dataclasses
import datetime as dt

import pytest

from desktop.models.clock import beijing
from desktop.models.situation import Freshness, IncidentStatus, Situation, Street
from desktop.views import theme
from desktop.views.alert_banner import AlertBanner

pytestmark = pytest.mark.gui
NOW = dt.datetime.now(dt.UTC)


def situation(*incidents):
    return Situation(NOW, Street("1", "七里河街道", "", {}), (), (), (), (), None, None, None,
                     tuple(incidents), (), Freshness(None, 0, NOW))


def incident(number, severity=4):
    return IncidentStatus(number, f"I{number}", "液化气罐泄漏", "accident", "A20400", severity,
                          "received", "碧桂小区6栋", None, None, None, False, NOW, NOW, NOW)


def test_banner_flashes_for_a_new_incident_until_acknowledged(qtbot):
    banner = AlertBanner("zh_CN")
    qtbot.addWidget(banner)
    banner.show()
    banner.show_situation(situation())
    assert banner.isHidden()
    banner.show_situation(situation(incident(1, severity=3)))
    assert banner.isVisible()
    assert "较大 III" in banner.text.text() and "液化气罐泄漏" in banner.text.text()
    seen = set()

    def painted() -> str:  # the rendered background, left of the text
        colour = banner.grab().toImage().pixelColor(8, banner.height() // 2).name()
        seen.add(colour)
        return colour

    first = painted()
    qtbot.waitUntil(lambda: painted() != first, timeout=3000)  # it flashes
    assert seen == {theme.STATUS_COLOUR["red"], theme.STATUS_COLOUR["amber"]}
    banner.grab().save("/tmp/alert-banner.png")
    with qtbot.waitSignal(banner.acknowledge_requested):
        banner.button.click()
    assert banner.isVisible()  # the click only asks; acknowledging is recorded by the app
    with qtbot.waitSignal(banner.acknowledged) as signal:
        banner.acknowledge_all()
    assert [a.incident.id for a in signal.args[0]] == [1]
    assert banner.isHidden()


def test_banner_marks_exercise_incidents(qtbot):
    banner = AlertBanner("en")
    qtbot.addWidget(banner)
    banner.show_situation(situation())
    banner.show_situation(situation(dataclasses.replace(incident(2), exercise=True)))
    assert "EXERCISE" in banner.text.text()


def test_without_audio_the_sound_is_off_and_says_why(qtbot):
    banner = AlertBanner("zh_CN")
    qtbot.addWidget(banner)
    assert banner.sound is not None
    if not banner.sound.available:
        assert banner.sound.reason
    banner.sound.play(2)  # never raises, device or not


class _Sound:
    def __init__(self):
        self.played: list[int] = []

    def play(self, level):
        self.played.append(level)


def test_shared_acknowledgements_and_mutes_from_another_window(qtbot):
    """Read back from the workstation store: an alert acknowledged at the operator desk leaves
    the wall's banner; a mute silences the ring (the banner still flashes and says until when)
    and, when it ends, the alert rings at the level it has reached."""
    from desktop.models.workstation.alert_acts import SharedAlerts

    banner = AlertBanner("zh_CN", sound=False)
    qtbot.addWidget(banner)
    banner.sound = _Sound()
    banner.tracker.repeat_after = dt.timedelta(days=1)  # (NOW is when this module loaded)
    banner.show()
    banner.show_situation(situation())
    banner.show_situation(situation(incident(1), incident(2, severity=2)))
    assert banner.sound.played == [1]
    keys = [a.key for a in banner.tracker.pending]

    until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=30)
    banner.apply_shared(SharedAlerts(frozenset({keys[0]}), until, "王值班"))
    assert [a.key for a in banner.tracker.pending] == keys[1:] and banner.isVisible()
    assert banner.muted() and f"{beijing(until):%H:%M}" in banner.text.text()  # until when
    banner.tracker.repeat_after = dt.timedelta(microseconds=1)  # every check rings louder
    banner._ring_if_due()
    assert banner.sound.played == [1]  # muted
    banner.apply_shared(SharedAlerts(frozenset({keys[0]}), None))  # the mute ended
    assert not banner.muted() and f"{beijing(until):%H:%M}" not in banner.text.text()
    second = dt.timedelta(seconds=1)
    banner.tracker.repeat_after = second
    banner.tracker._pending[keys[1]] = dataclasses.replace(
        banner.tracker._pending[keys[1]], raised_at=dt.datetime.now(dt.UTC) - 3 * second)
    banner._ring_if_due()
    assert banner.sound.played[-1] > 1  # louder than the first ring
    banner.apply_shared(SharedAlerts(frozenset(keys)))
    assert banner.isHidden()
