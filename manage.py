#!/usr/bin/env python
import os
import sys

from django.core.management import execute_from_command_line

from config.env import load_env


def main():
    load_env()  # may set DJANGO_SETTINGS_MODULE
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
