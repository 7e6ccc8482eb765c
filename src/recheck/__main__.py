"""``python -m recheck`` works like the ``recheck`` command."""

from .cli import main

main()
