"""One exception tree for therapywatch.

Every message starts with the stage and names the URL, source, file or subscriber concerned; foreign
errors are wrapped with ``raise ... from e`` so the cause is kept.
"""

from __future__ import annotations


class TherapywatchError(Exception):
    """Base of every error this project raises on purpose."""


class ConfigError(TherapywatchError):
    """A setting is missing or invalid; the message names the setting."""


class StoreError(TherapywatchError):
    """The database could not be reached, migrated or written."""


class SourceError(TherapywatchError):
    """A source row or a source URL given by an operator is invalid."""


class FetchError(TherapywatchError):
    """A fetch failed: network, HTTP status, size cap, address guard."""

    def __init__(self, message: str, *, kind: str = "network", retry_after: float | None = None):
        super().__init__(message)
        self.kind = kind
        self.retry_after = retry_after


class ParseError(TherapywatchError):
    """Bytes that should have been a feed could not be read as one."""


class ExtractError(TherapywatchError):
    """An article page gave no usable main text."""


class ClassifyError(TherapywatchError):
    """The lexicon or an evaluation file is invalid."""


class SubscriberError(TherapywatchError):
    """Subscriber input is invalid; the message names the field."""


class DeliveryError(TherapywatchError):
    """A digest or alert could not be delivered."""

    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent
