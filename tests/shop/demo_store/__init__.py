"""The demo store's own app: the data generator (a management command).

It is not part of satchmo_api, whose API is read-only: a real shop has its
own data; this app makes some for the demo, the tests and the benchmark.
"""
