import dataclasses
import datetime as dt

import pytest

from desktop.models.situation import Freshness, IncidentStatus, Situation, Street
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
    first = banner.styleSheet()
    qtbot.waitUntil(lambda: banner.styleSheet() != first, timeout=3000)  # it flashes
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
