"""Benchmarks of issue 2: each measures the product against a bare baseline in the same run.

`python -m bench` (or `make bench`) runs them all, prints a table and writes
`bench/results/latest.json`.
"""
