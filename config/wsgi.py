import os

from django.core.wsgi import get_wsgi_application

from config.env import load_env

load_env()  # may set DJANGO_SETTINGS_MODULE
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
application = get_wsgi_application()
