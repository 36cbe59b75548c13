"""Run a Python handler once, as Lambda would: `bootstrap.py module.function EVENT-JSON`."""

import importlib
import json
import os
import sys
import time
import traceback
import uuid

sys.path.insert(0, "/var/task")


class Context:
    def __init__(self):
        self.aws_request_id = str(uuid.uuid4())
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        self._deadline = time.monotonic() + float(os.environ.get("AWS_LAMBDA_FUNCTION_TIMEOUT", "3"))

    def get_remaining_time_in_millis(self):
        return int(max(self._deadline - time.monotonic(), 0) * 1000)


def main():
    handler, event = sys.argv[1], json.loads(sys.argv[2])
    module, _, function = handler.rpartition(".")
    try:
        result = getattr(importlib.import_module(module), function)(event, Context())
    except Exception as error:
        traceback.print_exc()
        sys.stdout.flush()
        print("\n" + json.dumps({"errorMessage": str(error), "errorType": type(error).__name__}))
        sys.exit(1)
    sys.stdout.flush()
    print("\n" + json.dumps(result))


main()
