"""One measurement run on its own (``python3 -m tests.bench.<name>``): the bench
instance's servers, the result written to var/bench/<file> and printed."""
import json

from tests.harness import config


def run_alone(filename, measure):
    """``measure(stage)`` on the bench instance, its servers stopped after; exit status 0."""
    from .stage import Stage
    stage = Stage(config.bench_instance())
    try:
        result = measure(stage)
    finally:
        stage.stop()
    path = config.VAR / "bench" / filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    print("written to %s" % path)
    return 0
