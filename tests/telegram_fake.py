"""A local fake of the Telegram Bot API over HTTP (http.server in a thread).

It answers getMe, getUpdates (from a queue the test fills), sendMessage, editMessageText,
answerCallbackQuery and deleteWebhook, and records every call the bot makes, with the
parameters decoded (python-telegram-bot posts form fields whose values are JSON).
Point the bot at `fake.base_url` (the library's base_url: "<base_url><token>/<method>").
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

BOT = {"id": 4242, "is_bot": True, "first_name": "Studio", "username": "studio_test_bot"}


class FakeTelegram:
    def __init__(self, token="4242:test-token"):
        self.token = token
        self.calls = []  # (method, params)
        self.updates = []
        self.shown = {}  # (chat id, message id) -> (text, markup) of the last edit
        self.lock = threading.Lock()
        self.next_update_id = 1
        self.next_message_id = 100
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                answer = fake.handle(self.path, self.headers.get("Content-Type", ""), body)
                data = json.dumps(answer).encode()
                try:
                    self.send_response(200 if answer["ok"] else 400)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot stopped polling while a getUpdates was open

            do_GET = do_POST

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    # --- what the test puts in ------------------------------------------------------

    def _user(self, language):
        return {"id": 777, "is_bot": False, "first_name": "Olga", "language_code": language}

    def _push(self, update):
        with self.lock:
            update["update_id"] = self.next_update_id
            self.next_update_id += 1
            self.updates.append(update)

    def message(self, text, language="en", chat_id=777):
        entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}] if text[:1] == "/" else []
        self._push(
            {
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "from": self._user(language),
                    "text": text,
                    "entities": entities,
                }
            }
        )

    def tap(self, data, language="en", chat_id=777):
        self._push(
            {
                "callback_query": {
                    "id": str(self.next_update_id),
                    "from": self._user(language),
                    "chat_instance": "1",
                    "data": data,
                    "message": {
                        "message_id": 50,
                        "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "private"},
                        "from": BOT,
                        "text": "…",
                    },
                }
            }
        )

    # --- what the bot sent -----------------------------------------------------------

    def sent(self):
        """The messages the bot sent or edited: [{"method", "text", "buttons": [[(label, data)]]}]."""
        out = []
        for method, params in list(self.calls):
            if method in ("sendMessage", "editMessageText"):
                markup = params.get("reply_markup") or {}
                buttons = [
                    [(b["text"], b.get("callback_data")) for b in row] for row in markup.get("inline_keyboard", [])
                ]
                out.append(
                    {"method": method, "chat_id": params.get("chat_id"), "text": params["text"], "buttons": buttons}
                )
        return out

    def pending(self):
        with self.lock:
            return bool(self.updates)

    # --- the API -------------------------------------------------------------------------

    def handle(self, path, content_type, body):
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix) :]
        params = self.decode(content_type, body)
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            with self.lock:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                result = list(self.updates)
            if not result:
                time.sleep(0.05)
            return {"ok": True, "result": result}
        if method == "editMessageText":
            shown = (params.get("text"), json.dumps(params.get("reply_markup"), sort_keys=True))
            key = (str(params.get("chat_id")), str(params.get("message_id")))
            with self.lock:
                if self.shown.get(key) == shown:  # what Telegram answers, and records nothing
                    return {"ok": False, "error_code": 400, "description": "Bad Request: message is not modified"}
                self.shown[key] = shown
        with self.lock:
            self.calls.append((method, params))
        if method == "getMe":
            return {"ok": True, "result": BOT}
        if method in ("deleteWebhook", "answerCallbackQuery", "setMyCommands"):
            return {"ok": True, "result": True}
        if method in ("sendMessage", "editMessageText"):
            self.next_message_id += 1
            message = {
                "message_id": self.next_message_id,
                "date": int(time.time()),
                "chat": {"id": int(params.get("chat_id") or 777), "type": "private"},
                "from": BOT,
                "text": params.get("text", ""),
            }
            return {"ok": True, "result": message}
        return {"ok": False, "error_code": 404, "description": f"Not Found: {method}"}

    @staticmethod
    def decode(content_type, body):
        if "json" in content_type:
            return json.loads(body or b"{}")
        params = {}
        for key, value in parse_qsl(body.decode(), keep_blank_values=True):
            params[key] = json.loads(value) if key == "reply_markup" else value
        return params
