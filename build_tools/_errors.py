"""The one error a build step raises when it cannot go on."""


class BuildError(RuntimeError):
    """A build step failed; the message says what to do about it."""
