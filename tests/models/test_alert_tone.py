import io
import itertools
import struct
import wave

from desktop.models.alert_tone import RATE, chime


def _samples(data: bytes) -> list[int]:
    with wave.open(io.BytesIO(data)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, RATE)
        raw = sound.readframes(sound.getnframes())
    return list(struct.unpack(f"<{len(raw) // 2}h", raw))


def test_chime_plays_its_tones_in_turn():
    samples = _samples(chime(tones=(880.0, 660.0), beep_s=0.5, gap_s=0.1, repeats=1))
    first = samples[: int(RATE * 0.5)]
    second = samples[int(RATE * 0.6): int(RATE * 1.1)]

    def frequency(part: list[int]) -> float:
        crossings = sum(1 for a, b in itertools.pairwise(part) if a < 0 <= b)
        return crossings / (len(part) / RATE)

    assert abs(frequency(first) - 880) < 10
    assert abs(frequency(second) - 660) < 10


def test_volume_scales_and_edges_are_soft():
    quiet, loud = _samples(chime(volume=0.3)), _samples(chime(volume=0.9))
    assert max(loud) > 2.5 * max(quiet)
    assert abs(loud[0]) < 500 and abs(loud[-1]) < 500
