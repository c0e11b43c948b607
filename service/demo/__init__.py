"""The offline demo: bundled sample sources, a local server for them, and one end-to-end cycle.

Used only by ``therapywatch demo`` (an entrypoint); the sample files under ``data/`` are package
data, written for the demo in our own words about real regulatory and trial events.
"""
