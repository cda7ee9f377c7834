"""Performance harness: start-up to ready and memory, each against a baseline of the same run.

Run from the repository root with ``python -m benchmarks`` (or ``bash setup.sh
bench``); it prints a table and writes ``benchmarks/RESULTS.md``.
"""
