"""``python -m isnad`` and the ``isnad`` command: the command line of
:mod:`isnad.cli`, loaded inside a guard, so that a Ctrl-C while Python loads
it is one line too, as it is once a command runs."""
import sys


def main() -> int:
    try:
        from .cli import main as command_line

        return command_line()
    except KeyboardInterrupt:
        print("isnad: stopped by SIGINT", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
