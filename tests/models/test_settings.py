import json

import pytest

from desktop import settings


def test_defaults_then_file_then_environment_then_flags(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"wall": True, "poll_interval_ms": 500, "language": "en"}))
    loaded = settings.load(
        {"language": "zh_CN"}, environ={"DUTYROOM_POLL_INTERVAL_MS": "100"}, path=path
    )
    assert loaded.wall is True
    assert loaded.poll_interval_ms == 100
    assert loaded.language == "zh_CN"
    assert loaded.stale_after_s == 30


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "s.json"
    original = settings.Settings(replica="/x/r.db", wall=True, language="en")
    settings.save(original, path)
    assert settings.load(environ={}, path=path) == original


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"language": "fr"}, "language"),
        ({"poll_interval_ms": "fast"}, "poll_interval_ms"),
        ({"colour": "red"}, "unknown setting"),
        ({"wall": "perhaps"}, "wall"),
    ],
)
def test_bad_values_are_named(tmp_path, values, words):
    with pytest.raises(settings.SettingsError, match=words):
        settings.load(values, environ={}, path=tmp_path / "none.json")


def test_unreadable_settings_file_is_a_clear_error(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    with pytest.raises(settings.SettingsError, match="unreadable"):
        settings.load(environ={}, path=path)
