"""Log lines never carry query strings or secret URL parts (ops.secret_urls)."""

import logging

from .secret_urls import redact


class RedactSecretURLs(logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001  a broken record is logging's own error to report
            return True
        cleaned = redact(message, "[Filtered]")
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
