"""Starts moto's server on loopback with the fixes in moto_patches/: server.py PORT."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import moto_patches  # noqa: E402

applied = moto_patches.apply()
print(f"moto {moto_patches.MOTO_VERSION} with fixes: {', '.join(applied)}", flush=True)

from moto.server import main  # noqa: E402

main(["-H", "127.0.0.1", "-p", sys.argv[1]])
