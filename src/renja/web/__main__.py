"""`python -m renja.web <command>`: Django's manage.py for renja."""

import os
import sys

from django.core.management import execute_from_command_line


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.web.settings")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
