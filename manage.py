#!/usr/bin/env python
import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line

from config.env import load_env


def main():
    load_env()  # may set DJANGO_SETTINGS_MODULE
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    # Django defers a settings error to the first command that needs settings, so `check` would
    # report "no issues" for production settings without SECRET_KEY: surface it for every command.
    _ = settings.INSTALLED_APPS

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
