"""Settings: the only reader of the environment.

Values come from ``THERAPYWATCH_*`` environment variables, then an optional ``therapywatch.toml``
(path in ``THERAPYWATCH_CONFIG``, else ``./therapywatch.toml``), then the defaults below. Every
value is validated once, at start-up, with a message that names the setting.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from service.errors import ConfigError

PREFIX = "THERAPYWATCH_"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting in force. Field names are the variable names without the prefix, lower-cased."""

    database_url: str = "sqlite:///var/therapywatch.db"
    smtp_url: str | None = None
    outbox_dir: str = "var/outbox"
    base_url: str = "http://127.0.0.1:8080"
    secret_key: str | None = None
    mail_from: str = "therapywatch@localhost"
    allow_private_networks: bool = False
    user_agent: str = "therapywatch/0.1 (+https://github.com/therapywatch/therapywatch)"
    default_interval: int = 3600
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    fetch_concurrency: int = 50
    smtp_concurrency: int = 10
    send_empty_digests: bool = False
    websub_hub: str | None = None
    # Instant alerts: at most this many single-story alerts per subscriber an hour; the rest are
    # rolled into one short summary.
    alert_rate_limit: int = 4
    # Politeness: requests in flight per host, and milliseconds between two starts on one host.
    fetch_per_host: int = 2
    fetch_host_delay_ms: int = 500

    def redacted(self) -> dict[str, Any]:
        """The settings as a dict, with passwords and keys replaced by ``***``."""
        out = asdict(self)
        if out["secret_key"]:
            out["secret_key"] = "***"
        for key in ("database_url", "smtp_url"):
            if out[key]:
                out[key] = _redact_url(out[key])
        return out


_SECRETS = {"secret_key"}


def _redact_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _coerce(name: str, raw: object, kind: type) -> object:
    """Turn a raw env/TOML value into the field's type, naming the setting on failure."""
    var = PREFIX + name.upper()
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ConfigError(f"config: {var} must be true or false, got {raw!r}")
    if kind is int:
        try:
            value = int(str(raw).strip())
        except ValueError:
            raise ConfigError(f"config: {var} must be a whole number, got {raw!r}") from None
        if value <= 0:
            raise ConfigError(f"config: {var} must be positive, got {value}")
        return value
    text = str(raw).strip()
    return text or None


def _validate(s: Settings) -> None:
    scheme = urlsplit(s.database_url).scheme.split("+")[0]
    if scheme not in {"sqlite", "postgresql"}:
        raise ConfigError(
            f"config: THERAPYWATCH_DATABASE_URL must be a sqlite:// or postgresql:// URL, "
            f"got scheme {scheme!r}"
        )
    if s.smtp_url is not None:
        parts = urlsplit(s.smtp_url)
        if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
            raise ConfigError(
                "config: THERAPYWATCH_SMTP_URL must look like smtp://user:pass@host:port or smtps://host:465"
            )
        try:
            parts.port  # noqa: B018 - raises on a non-numeric port
        except ValueError:
            raise ConfigError("config: THERAPYWATCH_SMTP_URL has an invalid port") from None
    base = urlsplit(s.base_url)
    if base.scheme not in {"http", "https"} or not base.netloc:
        raise ConfigError(f"config: THERAPYWATCH_BASE_URL must be an http(s) URL, got {s.base_url!r}")
    if "@" not in s.mail_from:
        raise ConfigError(f"config: THERAPYWATCH_MAIL_FROM must be an email address, got {s.mail_from!r}")
    if not 1 <= s.http_port <= 65535:
        raise ConfigError(f"config: THERAPYWATCH_HTTP_PORT must be 1-65535, got {s.http_port}")


def load_settings(environ: Mapping[str, str] | None = None, toml_path: str | Path | None = None) -> Settings:
    """Read, coerce and validate every setting; raise ConfigError naming the first bad one."""
    env = os.environ if environ is None else environ
    path = Path(toml_path or env.get(PREFIX + "CONFIG") or "therapywatch.toml")
    file_values: dict[str, object] = {}
    if path.is_file():
        try:
            file_values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"config: {path} is not valid TOML: {e}") from e
    known = {f.name: f for f in fields(Settings)}
    unknown = sorted(set(file_values) - set(known))
    if unknown:
        raise ConfigError(f"config: unknown setting(s) in {path}: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for name, f in known.items():
        kind = {"bool": bool, "int": int}.get(str(f.type), str)
        if PREFIX + name.upper() in env:
            values[name] = _coerce(name, env[PREFIX + name.upper()], kind)
        elif name in file_values:
            values[name] = _coerce(name, file_values[name], kind)
    settings = Settings(**{k: v for k, v in values.items() if v is not None or k in _NULLABLE})
    _validate(settings)
    return settings


_NULLABLE = {"smtp_url", "secret_key", "websub_hub"}
