#!/usr/bin/env python3
"""Measures cerebro-conn against a minimal C libpq client, psql and pg_isready.

Run by scripts/bench, which builds everything, starts the SSL fixture and the silent
listener, writes the presets and passes their places in the environment (BENCH_*).
Every comparison is interleaved: each round runs each contender once, in an order that
rotates from round to round, so that load from elsewhere on the machine falls on all alike.
Medians are printed with the ratio and the target each figure is held to.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ENV = os.environ
TOOL = ENV["BENCH_TOOL"]
C_CLIENT = ENV["BENCH_C_CLIENT"]
SWIFT_CLIENT = ENV["BENCH_SWIFT_CLIENT"]
PG_BIN = ENV["BENCH_PG_BIN"]
CONFIG = ENV["BENCH_CONFIG"]
CONFIG_32 = ENV["BENCH_CONFIG_32"]
CONFIG_SILENT = ENV["BENCH_CONFIG_SILENT"]
PORT = ENV["CEREBRO_TEST_PG_PORT"]
CERTS = ENV["CEREBRO_TEST_PG_SETS"] + "/good"
ROUNDS = int(ENV.get("BENCH_ROUNDS", "61"))
ROUNDS_32 = int(ENV.get("BENCH_ROUNDS_32", "7"))
ROUNDS_SILENT = int(ENV.get("BENCH_ROUNDS_SILENT", "3"))
ROUNDS_MEMORY = int(ENV.get("BENCH_ROUNDS_MEMORY", "15"))
WARMUP = 3

CONNINFO = (
    f"host=localhost port={PORT} dbname=memoria user=cerebro_user sslmode=verify-full "
    f"sslcert={CERTS}/client.crt sslkey={CERTS}/client.key sslrootcert={CERTS}/ca.crt "
    "gssencmode=disable connect_timeout=10"
)
SINGLE = {
    "cerebro-conn test": [TOOL, "--config", CONFIG, "test", "good"],
    "C libpq client": [C_CLIENT, "localhost", PORT, "memoria", "cerebro_user", CERTS],
    "Swift floor (bench/swift-client)": [SWIFT_CLIENT, "localhost", PORT, "memoria", "cerebro_user", CERTS],
    "psql -c 'SELECT 1'": [f"{PG_BIN}/psql", "-X", "-A", "-t", "-q", "-c", "SELECT 1", CONNINFO],
    "pg_isready": [f"{PG_BIN}/pg_isready", "-q", "-d", CONNINFO],
}


def run(command, expected=(0,)):
    """Runs one command; returns its wall time in seconds. Fails loudly on a wrong status."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in expected:
        sys.exit(f"bench: {command[0]} exited {done.returncode}: {done.stderr.decode()[-400:]}")
    return elapsed


def interleaved(contenders, rounds, expected=(0,)):
    """Runs every contender once per round, rotating the order; returns times by name."""
    names = list(contenders)
    times = {name: [] for name in names}
    for round_number in range(rounds + WARMUP):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            elapsed = contenders[name](expected)
            if round_number >= WARMUP:
                times[name].append(elapsed)
    return times


def peak_memory(command):
    """The maximum resident set size of one run, in KiB, as /usr/bin/time reports it."""
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name] + command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        return int(report.read().strip().splitlines()[-1])


VERDICTS = []


def row(figure, value, reference, ratio, target, met):
    VERDICTS.append((figure, met))
    verdict = "met" if met else "NOT MET"
    print(f"  {figure:<34} {value:>11}  {reference:<26} {ratio:>7}  {target:<9} {verdict}")


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def single_connection():
    contenders = {name: (lambda expected, c=command: run(c, expected)) for name, command in SINGLE.items()}
    times = interleaved(contenders, ROUNDS)
    medians = {name: statistics.median(values) for name, values in times.items()}
    c_median = medians["C libpq client"]
    print(f"\none connection, verify-full + client certificate + SELECT 1 ({ROUNDS} rounds, medians)")
    for name, median in medians.items():
        ratio = median / c_median
        if name == "cerebro-conn test":
            row("test NAME", ms(median), f"C client {ms(c_median)}", f"{ratio:.3f}x", "<= 1.05x", ratio <= 1.05)
        else:
            low, high = min(times[name]), max(times[name])
            print(f"  {name:<34} {ms(median):>11}  {f'range {ms(low)}..{ms(high)}':<26} {ratio:>6.3f}x")


def thirty_two():
    names = [f"p{number:02d}" for number in range(1, 33)]
    parallel = [TOOL, "--config", CONFIG_32, "test", "--all"]

    def sequential(expected):
        return sum(run([TOOL, "--config", CONFIG_32, "test", name], expected) for name in names)

    times = interleaved({"all": lambda expected: run(parallel, expected), "sum": sequential}, ROUNDS_32)
    together, alone = statistics.median(times["all"]), statistics.median(times["sum"])
    ratio = together / alone
    print(f"\n32 presets ({ROUNDS_32} rounds, medians)")
    row("test --all (32 presets)", ms(together), f"32 single runs {ms(alone)}", f"{ratio:.3f}x", "<= 0.6x", ratio <= 0.6)


def silent():
    command = [TOOL, "--config", CONFIG_SILENT, "test", "--all", "--timeout", "2"]
    times = [run(command, expected=(2,)) for _ in range(ROUNDS_SILENT)]
    median = statistics.median(times)
    print(f"\n16 presets at a port that accepts and never answers, --timeout 2 ({ROUNDS_SILENT} runs)")
    row("test --all (16 silent)", f"{median:.2f} s", f"slowest {max(times):.2f} s", "", "<= 3 s", max(times) <= 3.0)


def memory():
    contenders = {
        name: SINGLE[name]
        for name in ["cerebro-conn test", "C libpq client", "Swift floor (bench/swift-client)"]
    }
    samples = {name: [] for name in contenders}
    names = list(contenders)
    for round_number in range(ROUNDS_MEMORY):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(peak_memory(contenders[name]))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    c_kib = medians["C libpq client"]
    print(f"\npeak memory, max RSS from /usr/bin/time ({ROUNDS_MEMORY} runs each, medians)")
    for name, kib in medians.items():
        ratio = kib / c_kib
        if name == "cerebro-conn test":
            reference = f"C client {c_kib / 1024:.1f} MiB"
            row("test NAME, peak memory", f"{kib / 1024:.1f} MiB", reference, f"{ratio:.3f}x", "<= 1.3x", ratio <= 1.3)
        elif name != "C libpq client":
            print(f"  {name:<34} {f'{kib / 1024:.1f} MiB':>11}  {'':<26} {ratio:>6.3f}x")


def main():
    load = os.getloadavg()[0]
    print(f"cerebro-conn benchmark: {os.cpu_count()} cores, load average {load:.2f} at start")
    print(f"  tool: {TOOL} ({os.path.getsize(TOOL) / 1e6:.1f} MB)")
    print(f"  {'figure':<34} {'median':>11}  {'reference':<26} {'ratio':>7}  {'target':<9} verdict")
    single_connection()
    thirty_two()
    silent()
    memory()
    met = [figure for figure, ok in VERDICTS if ok]
    missed = [figure for figure, ok in VERDICTS if not ok]
    print(f"\ntargets met: {len(met)} of {len(VERDICTS)}" + (f"; not met: {'; '.join(missed)}" if missed else ""))
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
