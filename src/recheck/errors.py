"""Errors that end a run with exit code 2, each with a one-line message."""


class RecheckError(Exception):
    """Base class: the message is shown to the user as it is."""


class RuleError(RecheckError):
    """A rule or vocabulary file is invalid; the message names file, rule and key."""


class InputError(RecheckError):
    """A path the user gave cannot be audited at all."""


class ClusterError(RecheckError):
    """The Dask cluster failed the run: a worker died or the scheduler went away."""
