"""A small HTTP proxy on loopback that injects latency and faults.

It stands between a client and one upstream server (the shop API for the
sync, OpenERP's XML-RPC for the push baseline) and, per request, either
forwards it untouched, after a delay, or answers with a fault instead:

    proxy = FaultProxy(upstream="http://127.0.0.1:18100").start()
    proxy.delay = 0.025                       # 25 ms each way
    proxy.plan(["500", "500", "429"])          # the next three requests fail
    proxy.default_fault = "refuse"             # every request: connection closed
    proxy.url                                  # where the client should point

Faults: "500", "503", "429" (with Retry-After: 1), "slow" (hold the answer for
``slow_seconds``), "not_json" (200 with an HTML body), "truncated" (the body
cut in the middle), "refuse" (close the connection without an answer).
Bounded: it serves only loopback and stops with the test.
"""
import http.client
import http.server
import socket
import threading
import time
import urllib.parse
from collections import deque

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailers", "transfer-encoding", "upgrade", "content-length"}


class FaultProxy:
    def __init__(self, upstream, port=0):
        parsed = urllib.parse.urlsplit(upstream)
        self.upstream_host = parsed.hostname
        self.upstream_port = parsed.port or 80
        self.delay = 0.0
        self.slow_seconds = 30.0
        self.default_fault = None
        self._planned = deque()
        self._lock = threading.Lock()
        self.requests = 0
        self.faults_served = 0
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self._thread = None

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self._server.server_address[1]

    def plan(self, faults):
        """Serve these faults to the next requests, one each, then behave again."""
        with self._lock:
            self._planned.extend(faults)

    def clear(self):
        with self._lock:
            self._planned.clear()
            self.default_fault = None
            self.delay = 0.0

    def next_fault(self):
        with self._lock:
            self.requests += 1
            fault = self._planned.popleft() if self._planned else self.default_fault
            if fault:
                self.faults_served += 1
            return fault

    def start(self):
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def _handler(self):
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                self._relay()

            do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_GET

            def _relay(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                fault = proxy.next_fault()
                if fault == "refuse":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if fault in ("500", "503", "429"):
                    return self._answer(int(fault), b'{"error": "injected"}',
                                        {"Retry-After": "1"} if fault == "429" else {})
                if fault == "not_json":
                    return self._answer(200, b"<html><body>Maintenance</body></html>",
                                        {"Content-Type": "text/html"})
                if fault == "slow":
                    time.sleep(proxy.slow_seconds)
                time.sleep(proxy.delay)
                status, headers, payload = self._forward(body)
                time.sleep(proxy.delay)
                if fault == "truncated":
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(payload)))
                    self.send_header("Content-Type", headers.get("Content-Type", ""))
                    self.end_headers()
                    self.wfile.write(payload[: len(payload) // 2])
                    self.close_connection = True
                    return
                self._answer(status, payload, headers)

            def _forward(self, body):
                upstream = http.client.HTTPConnection(proxy.upstream_host, proxy.upstream_port,
                                                      timeout=600)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in HOP_BY_HOP and k.lower() != "host"}
                headers["Host"] = "%s:%d" % (proxy.upstream_host, proxy.upstream_port)
                try:
                    upstream.request(self.command, self.path, body=body, headers=headers)
                    response = upstream.getresponse()
                    payload = response.read()
                    kept = {k: v for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP}
                    return response.status, kept, payload
                except OSError:
                    return 502, {"Content-Type": "application/json"}, b'{"error": "upstream"}'
                finally:
                    upstream.close()

            def _answer(self, status, payload, headers):
                self.send_response(status)
                for key, value in headers.items():
                    if key.lower() not in ("date", "server"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

        return Handler
