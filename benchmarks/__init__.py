"""Benchmarks of DESIGN section 10: a generated handbook and the ratios measured on it."""
