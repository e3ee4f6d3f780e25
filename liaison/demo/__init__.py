"""The demo district generator (`liaison demo --scale small|district --seed N`).

`generate` fills an empty, initialised database with a believable 江北区: enterprises with
contacts and 包联 cadres, accounts for every role, two years of visits and demands whose
histories run through the real state machine. Deterministic for a seed and a `today`.
"""

from liaison.demo.generator import NOT_EMPTY, DemoReport, generate
from liaison.demo.people import DEMO_PASSWORD
from liaison.demo.plan import PLANS

__all__ = ["DEMO_PASSWORD", "NOT_EMPTY", "PLANS", "DemoReport", "generate"]
