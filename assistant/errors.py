"""The one exception tree. Messages name the input, the problem and the fix.

Third-party exceptions are translated into these at one seam per provider; the CLI prints the
message and exits non-zero, the API maps each class to an HTTP status.
"""


class TouchpointError(Exception):
    """Root of every error Touchpoint raises on purpose."""


class BadInputError(TouchpointError):
    """The input file or payload cannot be used as given."""


class TooLargeError(BadInputError):
    """The input is over a configured size or duration limit."""


class NotFoundError(TouchpointError):
    """The requested touchpoint, account or resource does not exist for this tenant."""


class ForbiddenError(TouchpointError):
    """The caller's key or role may not do this."""


class ConfigError(TouchpointError):
    """Settings are missing or invalid."""


class ProviderError(TouchpointError):
    """An external model or service failed."""


class ProviderUnavailableError(ProviderError):
    """The provider could not be reached or answered with a server error."""


class RateLimitedError(ProviderError):
    """The provider refused the call for rate or quota reasons."""


class ProviderTimeoutError(ProviderError):
    """The provider did not answer in time."""


class AuthenticationError(ProviderError):
    """The provider rejected the credentials."""


class ExtractionOutputInvalidError(TouchpointError):
    """A model's answer did not match the output schema."""


class UnauthorizedError(TouchpointError):
    """No valid API key came with the request."""


class OverloadedError(TouchpointError):
    """Too much work is queued or a key made too many requests; try again later."""

    def __init__(self, message: str, *, retry_after_s: int = 30) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s
