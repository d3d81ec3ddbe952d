"""Speed and memory benchmarks; results in benchmarks/RESULTS.md."""
