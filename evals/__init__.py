"""Quality evaluations on real data (PolNeAR, QMSum)."""
