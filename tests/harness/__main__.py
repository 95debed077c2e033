"""Command line of the harness: ``python3 -m tests.harness COMMAND``.

    setup   build the virtualenvs (each from requirements/NAME.txt) and patch OpenERP
    demo    (re)start the demo: PostgreSQL, the shop with generated data, OpenERP, a sync
    test    run every suite with its own servers; ends with "N passed, N failed"
    stop    stop every process the demo and the tests started (data stays in var/)
"""
import argparse
import sys

from . import config


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m tests.harness", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("setup", help="build the virtualenvs")
    sub.add_parser("demo", help="(re)start the demo and run a sync")
    test = sub.add_parser("test", help="run every suite")
    test.add_argument("--suite", action="append", choices=("shop", "erp", "e2e", "peer"),
                      help="run only this suite (repeatable)")
    test.add_argument("pytest_args", nargs="*", help="passed to the e2e suite's pytest")
    sub.add_parser("stop", help="stop the demo's and the tests' processes")
    args = parser.parse_args(argv)

    if args.command == "setup":
        from . import venvs
        config.VAR.mkdir(parents=True, exist_ok=True)
        venvs.ensure_all(config.VAR / "setup.log")
        print("virtualenvs ready in %s" % config.VENVS)
        return 0
    if args.command == "demo":
        from .demo import run_demo
        return run_demo(config.demo_instance())
    if args.command == "test":
        from .suites import run_suites
        return run_suites(config.test_instance(), args.suite, args.pytest_args)
    if args.command == "stop":
        from .servers import all_instances, stop_instance
        for instance in all_instances():
            for what in stop_instance(instance):
                print("stopped %s: %s" % (instance.name, what))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
