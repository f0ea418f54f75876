"""反诈飞行棋 — Anti-Fraud Aeroplane Chess."""

__version__ = "0.1.0"
