# gunicorn -c site/gunicorn.conf.py config.wsgi
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
accesslog = "-"
forwarded_allow_ips = "127.0.0.1"
# The access log masks query strings and secret URL parts (manage tokens, reset links).
logger_class = "ops.gunicorn_logging.RedactingLogger"
