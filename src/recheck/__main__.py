"""``python -m recheck`` works like the ``recheck`` command."""

import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the command line is still being imported
    sys.stderr.write("recheck: interrupted\n")
    sys.exit(130)

main()
