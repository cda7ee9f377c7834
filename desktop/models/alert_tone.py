"""The alert sound, generated here (no third-party media): a two-tone chime as 16-bit WAV."""

from __future__ import annotations

import io
import math
import struct
import wave

RATE = 22_050


def chime(*, tones: tuple[float, ...] = (880.0, 660.0), beep_s: float = 0.28,
          gap_s: float = 0.08, repeats: int = 2, volume: float = 0.8) -> bytes:
    """WAV bytes: ``tones`` in turn, ``repeats`` times, each beep with a soft edge (no clicks)."""
    frames = bytearray()
    edge = int(RATE * 0.01)
    for _ in range(repeats):
        for frequency in tones:
            count = int(RATE * beep_s)
            for n in range(count):
                envelope = min(1.0, n / edge, (count - n) / edge)
                sample = volume * envelope * math.sin(2 * math.pi * frequency * n / RATE)
                frames += struct.pack("<h", int(sample * 32767))
            frames += b"\x00\x00" * int(RATE * gap_s)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()
