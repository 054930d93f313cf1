"""gunicorn's access log without query strings or secret URL parts
(`logger_class` in site/gunicorn.conf.py)."""

from gunicorn.glogging import Logger

from .secret_urls import redact


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["q"] = ""
        return {key: redact(value, "[Filtered]") if isinstance(value, str) else value for key, value in atoms.items()}
