"""Prometheus metrics: store counts read at scrape time, plus this process's request latencies."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Histogram
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector
from sqlalchemy import Engine

from service.store.stats import LATENCY_BUCKETS_MS, store_stats


class StoreCollector(Collector):
    """Reads the fetch log, items, sources and outbox when Prometheus scrapes."""

    def __init__(self, engine: Engine, cache_counts: Callable[[], dict[str, int]]) -> None:
        self._engine = engine
        self._cache_counts = cache_counts

    def collect(self) -> Iterator[Metric]:
        with self._engine.connect() as conn:
            stats = store_stats(conn)
        fetches = CounterMetricFamily(
            "therapywatch_fetches",
            "Source fetches recorded in the fetch log, by outcome.",
            labels=["outcome"],
        )
        latency = HistogramMetricFamily(
            "therapywatch_fetch_duration_seconds",
            "Time to fetch, parse and store one source, by outcome.",
            labels=["outcome"],
        )
        for f in stats.fetches:
            fetches.add_metric([f.outcome], f.count)
            buckets = [(str(ms / 1000), n) for ms, n in zip(LATENCY_BUCKETS_MS, f.buckets, strict=True)]
            latency.add_metric([f.outcome], [*buckets, ("+Inf", f.count)], f.duration_ms_sum / 1000)
        yield fetches
        yield latency
        items = GaugeMetricFamily(
            "therapywatch_items", "Stored items by primary therapy type.", labels=["therapy"]
        )
        for slug, n in sorted(stats.items_by_therapy.items()):
            items.add_metric([slug], n)
        yield items
        yield GaugeMetricFamily("therapywatch_stories", "Story clusters stored.", value=stats.stories)
        srcs = GaugeMetricFamily("therapywatch_sources", "Configured sources by state.", labels=["state"])
        for state, n in sorted(stats.sources_by_state.items()):
            srcs.add_metric([state], n)
        yield srcs
        digests = GaugeMetricFamily(
            "therapywatch_digests", "Digest messages in the outbox by state.", labels=["state"]
        )
        for state, n in sorted(stats.outbox_by_state.items()):
            digests.add_metric([state], n)
        yield digests
        last = GaugeMetricFamily(
            "therapywatch_last_successful_poll_timestamp_seconds",
            "Unix time of the last successful fetch of any source (0 when none yet).",
            value=stats.last_success.timestamp() if stats.last_success else 0,
        )
        yield last
        cache = CounterMetricFamily(
            "therapywatch_feed_cache", "Feed cache lookups by result.", labels=["result"]
        )
        for result, n in sorted(self._cache_counts().items()):
            cache.add_metric([result], n)
        yield cache


def build_registry(
    engine: Engine, cache_counts: Callable[[], dict[str, int]]
) -> tuple[CollectorRegistry, Histogram]:
    """A registry of its own per app (tests build many apps in one process) and the request histogram."""
    registry = CollectorRegistry()
    registry.register(StoreCollector(engine, cache_counts))
    requests = Histogram(
        "therapywatch_http_request_duration_seconds",
        "Time to answer an HTTP request, by route and status.",
        ["route", "status"],
        registry=registry,
        buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
    )
    return registry, requests
