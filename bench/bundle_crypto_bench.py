"""The choice of a bundle's encryption, by measurement: age (pyrage, streaming, to an
`ssh-ed25519` recipient — what Liaison uses) against HPKE from `cryptography` (one-shot,
X25519 + ChaCha20-Poly1305) on one payload of random bytes.

    .venv/bin/python bench/bundle_crypto_bench.py [--mb 200]

Each scheme runs in a fresh process so its peak RSS is its own. Prints seconds to encrypt and
decrypt and the peak memory of each. Figures go to bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _age(path: Path) -> dict[str, float]:
    from liaison.domain import signing
    from liaison.sync.exchange import encryption

    private = signing.new_private_key()
    public = signing.public_key(private)
    sealed = path.with_suffix(".age")
    t = time.perf_counter()
    with path.open("rb") as src, sealed.open("wb") as out:
        encryption.encrypt(src, out, public)
    encrypt_s = time.perf_counter() - t
    t = time.perf_counter()
    with sealed.open("rb") as src, open(os.devnull, "wb") as out:
        encryption.decrypt(src, sealed.stat().st_size, out, private, hashlib.sha256())
    decrypt_s = time.perf_counter() - t
    sealed.unlink()
    return {"encrypt_s": encrypt_s, "decrypt_s": decrypt_s}


def _hpke(path: Path) -> dict[str, float]:
    from cryptography.hazmat.primitives import hpke
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
    data = path.read_bytes()
    t = time.perf_counter()
    sealed = suite.encrypt(data, private.public_key(), info=b"liaison bundle")
    encrypt_s = time.perf_counter() - t
    del data
    t = time.perf_counter()
    suite.decrypt(sealed, private, info=b"liaison bundle")
    decrypt_s = time.perf_counter() - t
    return {"encrypt_s": encrypt_s, "decrypt_s": decrypt_s}


def _one(scheme: str, path: Path) -> None:
    result = (_age if scheme == "age" else _hpke)(path)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=200, help="payload size in MB")
    parser.add_argument("--one", choices=("age", "hpke"), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _one(args.one, args.file)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "payload.bin"
        with path.open("wb") as f:
            for _ in range(args.mb):
                f.write(os.urandom(1 << 20))
        for scheme in ("age", "hpke"):
            out = subprocess.run(
                [sys.executable, __file__, "--one", scheme, "--file", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            r = json.loads(out)
            print(
                f"{scheme:5} {args.mb} MB: encrypt {r['encrypt_s']:.2f} s, "
                f"decrypt {r['decrypt_s']:.2f} s, peak RSS {r['peak_rss_mb']:.0f} MB"
            )


if __name__ == "__main__":
    main()
