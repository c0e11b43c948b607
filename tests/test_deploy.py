"""deploy/: env.example documents every setting; the image is multi-stage and not root."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from service.config import PREFIX, Settings, load_settings

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def _env_lines() -> dict[str, str]:
    out = {}
    for line in (DEPLOY / "env.example").read_text().splitlines():
        m = re.match(r"^#?(THERAPYWATCH_[A-Z_]+)=(.*)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def test_env_example_names_every_setting_with_a_comment() -> None:
    documented = _env_lines()
    for f in fields(Settings):
        assert PREFIX + f.name.upper() in documented, f.name
    text = (DEPLOY / "env.example").read_text()
    for name in documented:
        before = text[: text.index(name + "=")].rstrip().splitlines()
        while before and before[-1].startswith(PREFIX):  # a group under one comment
            before.pop()
        assert before and before[-1].startswith("#"), f"{name} has no comment above it"


def test_env_example_values_are_valid_settings() -> None:
    active = {k: v for k, v in _env_lines().items() if k != "THERAPYWATCH_CONFIG" and v}
    settings = load_settings(active, toml_path="/nonexistent.toml")
    assert settings.http_port == 8080 and settings.default_interval == 3600


def test_dockerfile_is_multi_stage_and_non_root() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", text, re.M)) == 2
    user = re.findall(r"^USER (\S+)", text, re.M)
    assert user and not user[-1].startswith(("root", "0"))
    assert 'CMD ["therapywatch", "run"]' in text


def test_compose_and_systemd_run_the_service() -> None:
    compose = (DEPLOY / "compose.yaml").read_text()
    for service in ("db:", "mailpit:", "therapywatch:"):
        assert f"\n  {service}" in compose
    unit = (DEPLOY / "therapywatch.service").read_text()
    assert "ExecStart=/opt/therapywatch/bin/therapywatch run" in unit and "User=therapywatch" in unit
