"""反诈飞行棋 — Anti-Fraud Flight Chess."""

__version__ = "0.1.0"
