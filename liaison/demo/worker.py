"""The producer half of a parallel demo run: `python -m liaison.demo.worker`.

Reads a pickled (`Spec`, parts, base) on stdin, writes the pickled messages of
`produce(spec, parts, base)` on stdout and a final None; a failure is sent as
("error", traceback). A plain subprocess (not
multiprocessing) so that no caller's `__main__` is re-imported; the parent falls back to
producing in-process where there is no Python interpreter to start (a frozen app).
"""

from __future__ import annotations

import pickle
import sys
import traceback


def main() -> int:
    out = sys.stdout.buffer
    try:
        from liaison.demo.generator import produce

        spec, parts, base = pickle.load(sys.stdin.buffer)
        for msg in produce(spec, parts, base):
            pickle.dump(msg, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(None, out)
        out.flush()
    except BrokenPipeError:
        return 1  # the parent is gone: nothing to report to
    except BaseException:
        pickle.dump(("error", traceback.format_exc()), out)
        out.flush()
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
