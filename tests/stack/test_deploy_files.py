"""The files of deploy/ are valid for the programs that read them, once filled in by
deploy/render.sh as an operator would (the stack tests then run with them)."""

import shutil
import subprocess

import pytest

from tests.servers import ROOT
from tests.services.nginx import NGINX, render
from tests.services.varnish import VARNISHD

UNITS = sorted((ROOT / "deploy" / "systemd").iterdir())


def test_the_systemd_units_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # As installed: the socket's address filled in by deploy/render.sh, the others as shipped.
    installed = []
    for unit in UNITS:
        copy = tmp_path / unit.name
        if unit.suffix == ".socket":
            copy.write_text(render(f"systemd/{unit.name}", MC2CM_BIND_HOST="10.0.0.6"))
        else:
            shutil.copy(unit, copy)
        # A template is verified as an instance (port 8001), as systemd would start it.
        installed.append(tmp_path / unit.name.replace("@.", "@8001."))
    result = subprocess.run(
        [analyze, "verify", *map(str, installed)], capture_output=True, text=True, check=False
    )
    # Only the release's own programs are missing here (/srv/mc2cm is a real install's).
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "/srv/mc2cm/" not in line
    ]
    assert problems == []
    assert {unit.name for unit in UNITS} == {
        "mc2cm-portal@.service",
        "mc2cm-portal@.socket",
        "mc2cm-worker.service",
        "mc2cm-scheduled.service",
        "mc2cm-scheduled.timer",
    }


def test_render_refuses_a_missing_placeholder():
    with pytest.raises(RuntimeError, match="MC2CM_NGINX_PORT is not set"):
        render("varnish/default.vcl", MC2CM_NGINX_HOST="127.0.0.1")


def test_the_vcl_compiles(tmp_path):
    if not shutil.which(VARNISHD):
        pytest.skip("Varnish is not installed (scripts/system_deps.sh stack)")
    vcl = tmp_path / "default.vcl"
    vcl.write_text(
        render(
            "varnish/default.vcl",
            MC2CM_NGINX_HOST="10.0.0.5",
            MC2CM_NGINX_PORT="8080",
            MC2CM_PUBLIC_HOST="mc2cm.example.org",
            MC2CM_PURGERS='"10.0.0.0"/24;',
        )
    )
    result = subprocess.run(
        [VARNISHD, "-C", "-j", "none", "-f", str(vcl), "-n", str(tmp_path / "work")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_nginx_site_passes_nginx_t(tmp_path):
    if not shutil.which(NGINX):
        pytest.skip("nginx is not installed (scripts/system_deps.sh stack)")
    site = tmp_path / "mc2cm.conf"
    site.write_text(
        render(
            "nginx/mc2cm.conf",
            MC2CM_NGINX_LISTEN="127.0.0.1:8080",
            MC2CM_APP_A="10.0.0.6:8001",
            MC2CM_APP_B="10.0.0.7:8001",
            MC2CM_S3_PUBLIC_BUCKET_URL="http://10.0.0.8:8333/mc2cm-public",
            MC2CM_NGINX_ACCESS_LOG=str(tmp_path / "access.log"),
        )
    )
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\n"
        f"events {{}}\nhttp {{\n    include {site};\n}}\n"
    )
    result = subprocess.run(
        [NGINX, "-t", "-q", "-p", str(tmp_path), "-c", str(main)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
