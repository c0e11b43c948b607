"""Settings: read in one place, validated with messages that name the setting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.config import load_settings
from service.entrypoints.cli import main
from service.errors import ConfigError


def test_defaults_need_no_configuration(tmp_path: Path) -> None:
    s = load_settings({}, tmp_path / "absent.toml")
    assert s.database_url == "sqlite:///var/therapywatch.db"
    assert s.smtp_url is None and s.outbox_dir == "var/outbox"
    assert s.base_url == "http://127.0.0.1:8080" and s.allow_private_networks is False


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"THERAPYWATCH_DATABASE_URL": "mysql://x/y"}, "THERAPYWATCH_DATABASE_URL"),
        ({"THERAPYWATCH_SMTP_URL": "http://mail.example"}, "THERAPYWATCH_SMTP_URL"),
        ({"THERAPYWATCH_SMTP_URL": "smtp://mail.example:notaport"}, "THERAPYWATCH_SMTP_URL"),
        ({"THERAPYWATCH_BASE_URL": "ftp://x"}, "THERAPYWATCH_BASE_URL"),
        ({"THERAPYWATCH_MAIL_FROM": "nobody"}, "THERAPYWATCH_MAIL_FROM"),
        ({"THERAPYWATCH_ALLOW_PRIVATE_NETWORKS": "maybe"}, "THERAPYWATCH_ALLOW_PRIVATE_NETWORKS"),
        ({"THERAPYWATCH_DEFAULT_INTERVAL": "-5"}, "THERAPYWATCH_DEFAULT_INTERVAL"),
        ({"THERAPYWATCH_HTTP_PORT": "http"}, "THERAPYWATCH_HTTP_PORT"),
        ({"THERAPYWATCH_HTTP_PORT": "70000"}, "THERAPYWATCH_HTTP_PORT"),
    ],
)
def test_bad_settings_are_named(env: dict[str, str], named: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings(env, tmp_path / "absent.toml")


def test_toml_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    path = tmp_path / "therapywatch.toml"
    path.write_text('mail_from = "news@example.org"\nallow_private_networks = true\nhttp_port = 9000\n')
    s = load_settings({"THERAPYWATCH_HTTP_PORT": "9100"}, path)
    assert (s.mail_from, s.allow_private_networks, s.http_port) == ("news@example.org", True, 9100)


def test_unknown_or_broken_toml_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "therapywatch.toml"
    path.write_text("mail_form = 'typo@example.org'\n")
    with pytest.raises(ConfigError, match="mail_form"):
        load_settings({}, path)
    path.write_text("mail_from = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings({}, path)


def test_config_command_redacts_secrets(tmp_path: Path) -> None:
    env = {
        "THERAPYWATCH_DATABASE_URL": "postgresql+psycopg://app:hunter2@db:5432/tw",
        "THERAPYWATCH_SMTP_URL": "smtp://mailer:s3cret@smtp.example:587?starttls=true",
        "THERAPYWATCH_SECRET_KEY": "topsecretkey",
        "THERAPYWATCH_CONFIG": str(tmp_path / "absent.toml"),
    }
    result = CliRunner().invoke(main, ["config", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    for secret in ("hunter2", "s3cret", "topsecretkey"):
        assert secret not in result.output
    values = json.loads(result.output)
    assert values["database_url"] == "postgresql+psycopg://app:***@db:5432/tw"
    assert values["secret_key"] == "***"


def test_bad_setting_fails_the_cli_with_one_line(tmp_path: Path) -> None:
    env = {"THERAPYWATCH_DATABASE_URL": "oracle://x", "THERAPYWATCH_CONFIG": str(tmp_path / "no.toml")}
    result = CliRunner().invoke(main, ["items", "list"], env=env)
    assert result.exit_code == 1
    assert "THERAPYWATCH_DATABASE_URL" in result.output
    assert "Traceback" not in result.output
