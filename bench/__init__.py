"""The benchmark behind ``make bench``: tianbiao against the plain libraries and the floor.

``bench/run.py`` builds the inputs, runs each measurement in a fresh child process
(``python -m bench.measure``) so peak memory is that measurement's own, and prints medians,
ratios and the targets from DESIGN.md as PASS or FAIL.
"""
