"""The map page frame and its files: offline by construction, checked without WebEngine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xstatic.pkg.leaflet as xleaflet

from desktop.views.map import map_page


def test_page_loads_only_local_assets_and_leaflet_before_our_script():
    html = map_page.build_page_html()
    links = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert links == [
        "dutymap://local/leaflet/leaflet.js",
        "dutymap://local/leaflet/leaflet.css",
        "dutymap://local/app/dutymap-batch.js",
        "dutymap://local/app/dutymap.js",
        "dutymap://local/app/dutymap.css",
    ]
    assert "http://" not in html.replace('http-equiv', '') and "https://" not in html
    for dropped in ("jquery", "bootstrap", "awesome", "fontawesome"):
        assert dropped not in html.lower()
    assert '"preferCanvas": true' in html
    assert "DutyMap.attach(map_" in html  # attached as a child of the map, after it exists
    assert "tileLayer" not in html  # plain background, no tiles


def test_an_asset_folium_asks_for_without_a_local_copy_fails_loudly():
    import folium
    from folium.plugins import MarkerCluster

    frame = folium.Map(tiles=None)
    MarkerCluster().add_to(frame)
    with pytest.raises(map_page.UnmappedAssetError, match="markercluster"):
        map_page.localize_assets(frame.get_root())


def test_a_remote_link_in_the_page_fails_loudly():
    with pytest.raises(map_page.UnmappedAssetError, match=r"cdn\.example"):
        map_page.check_offline('<script src="https://cdn.example/x.js"></script>')
    map_page.check_offline('<img src="data:image/png;base64,AAAA">')


def test_assets_are_read_from_the_packages():
    leaflet, mime = map_page.read_asset("/leaflet/leaflet.js")
    assert mime == "text/javascript"
    assert leaflet == (Path(xleaflet.BASE_DIR) / "leaflet.js").read_bytes()
    image, mime = map_page.read_asset("/leaflet/images/layers.png")
    assert mime == "image/png" and image.startswith(b"\x89PNG")
    script, _ = map_page.read_asset("/app/dutymap.js")
    assert b"window.dutyMapReady" in script
    page, mime = map_page.read_asset("/index.html")
    assert mime == "text/html" and b"DutyMap.attach" in page


@pytest.mark.parametrize(
    "path", ["/app/../map_page.py", "/app/missing.js", "/elsewhere/x.js", "/leaflet", "/"]
)
def test_unknown_or_escaping_paths_are_not_served(path):
    with pytest.raises(KeyError):
        map_page.read_asset(path)


def test_page_is_cached_on_disk_so_start_up_skips_folium(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, DUTYROOM_CACHE_DIR=str(tmp_path))
    probe = ("import sys; from desktop.views.map import map_page; html = map_page.page_html(); "
             "print('folium' in sys.modules, len(html))")
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                           text=True, timeout=60, check=True).stdout.split()
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                            text=True, timeout=60, check=True).stdout.split()
    assert first[0] == "True" and second[0] == "False"
    assert first[1] == second[1]
    assert len(list(tmp_path.glob("map-page-*.html"))) == 1


def test_the_page_tells_python_only_clicks_and_its_ready_and_painted_notices():
    """Bad geometry is the models' to note (desktop.models.drawable): the page reports none."""
    told = set()
    for name in ("/app/dutymap.js", "/app/dutymap-batch.js"):
        script, _ = map_page.read_asset(name)
        assert b"'skipped'" not in script and b'"skipped"' not in script
        told |= set(re.findall(r"tell\(\{\s*event:\s*'(\w+)'", script.decode()))
    assert told == {"click", "ready", "painted"}
