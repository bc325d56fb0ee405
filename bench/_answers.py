"""The answer's measures in Chromium: cold, warm, a round trip, long tasks and the article's LCP.

Each measure is a function from the :class:`~bench._metrics.Metrics` to its rows (none when
its figures were not measured), its target defined once right above it.
"""

from __future__ import annotations

from bench._metrics import PAGES, EngineMetrics, Metrics, measured, median, page_median
from bench._rows import Row, ms, ratio, restored
from bench._targets import Target, at_most, at_most_times, no_target

#: The answer on a first visit, against the bare runtime's (the floor) on the same network.
COLD_ANSWER = at_most_times(1.10, "cold floor")
#: … on an emulated slower network (``--throttle``), where the download is most of the wait:
#: the site's pruned standard library makes the answer come before the bare runtime's (issue 19).
COLD_ANSWER_SLOW_NETWORK = at_most_times(0.85, "cold floor")
#: What the article's page adds to the calculator's worker is the rest of the cold answer.
WORKER_ALONE = no_target("what the article's page adds is the rest")


def cold_answer_rows(
    samples: EngineMetrics | Metrics, browser: str = "", target: Target = COLD_ANSWER
) -> list[Row]:
    """The cold answer against the cold floor, judged by ``target``; then the worker alone (if measured)."""
    cold_floor = median(measured(samples["cold_answer_ms"]["floor"]))
    cold = median(measured(samples["cold_answer_ms"]["ours"]))
    after = f", {browser}" if browser else ""
    rows = [
        Row.judged(
            f"Cold answer{after}",
            ms(cold_floor),
            ms(cold),
            ratio(cold, cold_floor),
            target,
            value=cold,
            base=cold_floor,
        )
    ]
    alone = measured(samples["cold_answer_ms"].get("worker", []))
    if alone:
        worker = median(alone)
        name = f"… the calculator's worker alone, on an empty page{after}"
        rows.append(Row.judged(name, ms(cold_floor), ms(worker), ratio(worker, cold_floor), WORKER_ALONE))
    return rows


def cold_answer(m: Metrics) -> list[Row]:
    """Chromium's cold answer, judged by the network it was measured on."""
    if "cold_answer_ms" not in m:
        return []
    return cold_answer_rows(m, target=COLD_ANSWER_SLOW_NETWORK if m.get("network_mbps") else COLD_ANSWER)


#: The answer on a second visit (Python restored from its snapshot), against the cold floor.
WARM_ANSWER = at_most_times(0.60, "cold floor")


def warm_answer_row(samples: EngineMetrics | Metrics, baseline: str, browser: str = "") -> Row:
    """The warm answer against the cold floor, with how many visits restored the snapshot."""
    cold_floor = median(measured(samples["cold_answer_ms"]["floor"]))
    warm = median(measured(samples["warm_answer_ms"]["ours"]))
    starts = samples.get("warm_python_start", {}).get("ours", [])
    return Row.judged(
        "Warm answer (2nd visit)" + (f", {browser}" if browser else ""),
        baseline,
        ms(warm) + restored(starts),
        f"{ratio(warm, cold_floor)} of cold floor",
        WARM_ANSWER,
        value=warm,
        base=cold_floor,
    )


def warm_answer(m: Metrics) -> list[Row]:
    """Chromium's warm answer, beside the floor's own warm answer."""
    if "warm_answer_ms" not in m:
        return []
    return [warm_answer_row(m, f"{ms(median(m['warm_answer_ms']['floor']))} (warm floor)")]


#: One calculation after ready: a field changes, the new answer shows.
ROUND_TRIP = at_most(20, "ms")


def round_trip(m: Metrics) -> list[Row]:
    """One calculation's round trip, once Python is ready."""
    if "round_trip_ms" not in m:
        return []
    trip = median(m["round_trip_ms"]["ours"])
    return [Row.judged("Round trip after ready", "–", ms(trip), "–", ROUND_TRIP, value=trip)]


#: A main-thread task longer than this is a long task (the browsers' own threshold), ms.
LONG_TASK_MS = 50.0
#: Without frame attribution: no longer task than the article's without the widget, or 50 ms.
LONGEST_TASK = Target(
    f"no task > {LONG_TASK_MS:g} ms caused by the calculator",
    lambda longest, without: longest <= max(LONG_TASK_MS, without),
)
#: With it, the verdict is the calculator's own scripts' share of the longest frame.
CALCULATOR_FRAME = at_most(LONG_TASK_MS, "ms", note="in every run")


def long_tasks(m: Metrics) -> list[Row]:
    """The longest task, and what the calculator's own scripts took of a frame, when measured.

    A task can be long on a page with the calculator without the calculator running in it:
    Python's start-up in the worker takes processor time from the theme's scripts. Where
    the browser names the scripts of each long frame, the verdict is the calculator's own
    share; otherwise, the longest task against the article's without the widget.
    """
    if "longest_task_ms" not in m:
        return []
    longest = {page: page_median(m["longest_task_ms"], page) for page in PAGES}
    name = "Longest main-thread task until answer"
    baseline = f"floor {ms(longest['floor'])}; article without widget {ms(longest['without'])}"
    frames = m.get("calculator_frame_ms", {})
    own = measured(frames.get("ours", []))
    if not own:
        return [
            Row.judged(
                name,
                baseline,
                ms(longest["ours"]),
                "–",
                LONGEST_TASK,
                value=longest["ours"],
                base=longest["without"],
            )
        ]
    worst = max(own)
    return [
        Row.judged(name, baseline, ms(longest["ours"]), "–", no_target("see the next line")),
        Row.judged(
            "… of which the calculator's own scripts, most in one frame",
            f"article without widget {ms(median(measured(frames.get('without', []))))}",
            f"{ms(median(own))} (worst run {ms(worst)})",
            "–",
            CALCULATOR_FRAME,
            value=worst,
        ),
    ]


#: The article's largest contentful paint, against the same article built without the widget.
LCP = at_most_times(1.05, "without")


def lcp(m: Metrics) -> list[Row]:
    """The article's LCP with the widget and without."""
    if "lcp_ms" not in m:
        return []
    without, with_widget = median(m["lcp_ms"]["without"]), median(m["lcp_ms"]["with"])
    return [
        Row.judged(
            "Article LCP",
            f"{ms(without)} (without widget)",
            ms(with_widget),
            ratio(with_widget, without),
            LCP,
            value=with_widget,
            base=without,
        )
    ]
