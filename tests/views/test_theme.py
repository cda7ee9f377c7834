import pytest

from desktop.views import theme


@pytest.mark.parametrize(("foreground", "background"), [
    (theme.TEXT, theme.BACKGROUND),
    (theme.TEXT, theme.PANEL),
    (theme.TEXT_DIM, theme.BACKGROUND),
    (theme.TEXT_DIM, theme.PANEL),
    (theme.ACCENT, theme.PANEL),
    *[(theme.ON_STATUS, colour) for colour in theme.STATUS_COLOUR.values()],
    *[(theme.ON_STATUS, colour) for colour in theme.SEVERITY_COLOUR.values()],
    *[(theme.ON_STATUS, colour) for colour in theme.WARNING_COLOUR.values()],
    *[(colour, theme.PANEL) for colour in theme.STATUS_COLOUR.values()],
    *[(colour, theme.BACKGROUND) for colour in theme.SEVERITY_COLOUR.values()],
])
def test_text_contrast_is_at_least_seven_to_one(foreground, background):
    assert theme.contrast(foreground, background) >= 7.0


def test_contrast_formula_matches_known_values():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("height", "body", "kpi"), [(1080, 24, 64), (2160, 48, 128)])
def test_wall_sizes_meet_the_4m_rule_and_scale(height, body, kpi):
    sizes = theme.Sizes.for_screen(True, height)
    assert sizes.body >= body and sizes.small >= body
    assert sizes.kpi >= kpi and sizes.clock >= kpi


def test_every_status_has_a_shape_besides_colour():
    assert set(theme.STATUS_SHAPE) == set(theme.STATUS_COLOUR)
    assert len(set(theme.STATUS_SHAPE.values())) == 3
