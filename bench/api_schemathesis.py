"""Schemathesis against the service's OpenAPI spec: generated requests to every API route,
and no answer may be a server error (5xx); responses must also match the declared status codes
and content types.

    .venv/bin/python bench/api_schemathesis.py                  # a small store, 100 examples a route
    .venv/bin/python bench/api_schemathesis.py --max-examples 500

A small store of synthetic articles (bench/api_latency.py's) is written to a temporary SQLite
file; the service runs in uvicorn on a loopback port with an api_token set, so the upload route
is exercised too (without the token: a 401, which is declared). Exit status is schemathesis's.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from api_latency import article, serve_app  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-examples", type=int, default=100)
    args = parser.parse_args(argv)
    from eventscope.settings import Settings
    from eventscope.store import Store

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/schemathesis.db"
        rng = random.Random(3)
        with Store.open(url) as store:
            store.write([article(n, rng) for n in range(50)])
        settings = Settings(db_url=url, api_token="schemathesis", api_max_upload_bytes=100_000)
        server, base, app = serve_app(settings)
        try:
            command = [str(Path(sys.executable).with_name("schemathesis")), "run",
                       f"{base}/openapi.json", "--checks", "all",
                       "--max-examples", str(args.max_examples), "--seed", "1",
                       "--exclude-checks", "positive_data_acceptance",
                       "--suppress-health-check", "all", "--no-color"]
            print("$", " ".join(command), flush=True)
            done = subprocess.run(command)
        finally:
            server.should_exit = True
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
