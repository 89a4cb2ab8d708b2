#!/usr/bin/env python3
"""An existing NPS client's view of the Oracle: grpcio stubs generated from the
repo's protos, calling every RPC and checking the answers against the contract
(shared/spec/oracle-api.md).

Run through run.sh, which makes the venv and the stubs (oracle_pb2*, health_pb2*
must be importable). Prints `ok  <check>` or `FAIL <check>: <why>` per check and
ends with `N passed, M failed`. Exit 0 all passed, 1 some failed, 2 not reachable.
"""

import argparse
import math
import re
import sys
import time

import grpc

try:
    from nps.oracle import oracle_pb2 as pb
    from nps.oracle import oracle_pb2_grpc as pb_grpc
    import health_pb2
    import health_pb2_grpc
except ImportError as e:  # pragma: no cover - run.sh sets PYTHONPATH
    sys.stderr.write(f"oracle_client_test: cannot import generated stubs ({e}); run it through run.sh\n")
    sys.exit(2)

PROG = "oracle_client_test"
RPC_TIMEOUT = 10.0

# 2026-02-06T01:15:00+08:00, read in its own local time (contract + reference vectors).
MOMENT = "2026-02-06T01:15:00+08:00"
JDN = 2461078                  # Fliegel–Van Flandern for 2026-02-06
CYCLE = JDN % 60               # 58
ELEMENTS = {"Wood", "Fire", "Earth", "Metal", "Water"}
QUALITIES = {"poor", "fair", "good", "excellent"}
MOON_PHASES = ["New Moon", "Waxing Crescent", "First Quarter", "Waxing Gibbous",
               "Full Moon", "Waning Gibbous", "Last Quarter", "Waning Crescent"]
STRATEGIES = {"random", "sequential", "cosmic", "gap_fill"}


# --- the contract's arithmetic, to compute expected values ----------------------

def reduce_n(n):
    while n > 9 and n not in (11, 22, 33):
        n = sum(int(c) for c in str(n))
    return n


def digit_sum(n):
    return sum(int(c) for c in str(abs(n)))


def letter_value(ch):
    c = ch.upper()
    if not ("A" <= c <= "Z"):
        return 0
    return (ord(c) - ord("A")) % 9 + 1


def letter_element(v):
    return ["Fire", "Earth", "Metal", "Water", "Wood"][(v - 1) % 5] if v > 0 else None


def jdn(y, m, d):
    a = (14 - m) // 12
    y2 = y + 4800 - a
    m2 = m + 12 * a - 3
    return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - y2 // 100 + y2 // 400 - 32045


def moon_phase_index(j):
    age = (j - 2451550.1) % 29.530588853
    for i, b in enumerate([1.85, 7.38, 11.07, 14.77, 16.61, 22.14, 25.83, 29.53]):
        if age < b:
            return i
    return 7


def set_score(n, hi, mid, lo):
    if n in (1, 8, 9, 11, 22, 33):
        return hi
    if n in (3, 5, 7):
        return mid
    return lo


def timing_score(y, mo, d, h):
    """Timing score of a UTC moment, per the contract."""
    j = jdn(y, mo, d)
    moon = [0.9, 0.5, 0.6, 0.7, 1.0, 0.7, 0.6, 0.4][moon_phase_index(j)]
    day = set_score(reduce_n(y + mo + d), 0.9, 0.7, 0.5)
    hour = set_score(reduce_n(h) if h > 0 else 1, 0.85, 0.65, 0.45)
    weekday = [0.7, 0.5, 0.6, 0.6, 0.9, 0.8, 0.5][(j + 1) % 7]
    return (moon + day + hour + weekday) / 4


def quality_of(score):
    return "excellent" if score >= 0.8 else "good" if score >= 0.65 else \
        "fair" if score >= 0.5 else "poor"


# --- the harness -------------------------------------------------------------------

class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def run(self, name, fn):
        try:
            fn()
        except AssertionError as e:
            self.fail(name, str(e) or "assertion failed")
        except grpc.RpcError as e:
            self.fail(name, f"RPC failed: {rpc_code(e)} {rpc_details(e)!r}")
        except Exception as e:  # a bug in the answer shape, not in the harness
            self.fail(name, f"{type(e).__name__}: {e}")
        else:
            self.passed += 1
            print(f"ok  {name}", flush=True)

    def fail(self, name, why):
        self.failed += 1
        print(f"FAIL {name}: {why}", flush=True)


def rpc_code(e):
    try:
        return e.code()
    except Exception:
        return None


def rpc_details(e):
    try:
        return e.details() or ""
    except Exception:
        return ""


def eq(got, want, what):
    assert got == want, f"{what}: got {got!r}, want {want!r}"


def close(got, want, what, tol=1e-6):
    assert math.isfinite(got) and abs(got - want) <= tol, f"{what}: got {got!r}, want {want!r} (±{tol})"


def expect_invalid(call, request, field):
    """The call must fail with INVALID_ARGUMENT and a message naming the field."""
    try:
        resp = call(request, timeout=RPC_TIMEOUT)
    except grpc.RpcError as e:
        code = rpc_code(e)
        assert code == grpc.StatusCode.INVALID_ARGUMENT, \
            f"want INVALID_ARGUMENT, got {code} {rpc_details(e)!r}"
        assert field.lower() in rpc_details(e).lower(), \
            f"INVALID_ARGUMENT message should name {field!r}: {rpc_details(e)!r}"
        return
    raise AssertionError(f"want INVALID_ARGUMENT naming {field!r}, got an answer: "
                         f"{str(resp)[:200]!r}")


def parse_hex(s, what):
    assert isinstance(s, str) and re.fullmatch(r"0[xX][0-9a-fA-F]+", s), \
        f"{what} should be hex like 0x1f..., got {s!r}"
    return int(s, 16)


# --- the checks ----------------------------------------------------------------------

def oracle_checks(c, stub):
    def reading():
        r = stub.GetReading(pb.ReadingRequest(datetime=MOMENT), timeout=RPC_TIMEOUT)
        assert r.HasField("fc60") and r.HasField("numerology") and r.HasField("zodiac"), \
            "fc60, numerology and zodiac must be set"
        eq(r.fc60.cycle, CYCLE, "fc60.cycle (JDN mod 60, local date 2026-02-06)")
        eq(r.numerology.life_path, 9, "numerology.life_path")
        eq(r.zodiac.sign, "Aquarius", "zodiac.sign")
        assert r.generated_at > 0, f"generated_at should be > 0, got {r.generated_at}"
    c.run("GetReading 2026-02-06T01:15:00+08:00: cycle 58, life_path 9, Aquarius", reading)

    def reading_details():
        r = stub.GetReading(pb.ReadingRequest(datetime=MOMENT), timeout=RPC_TIMEOUT)
        f, n = r.fc60, r.numerology
        # year 2026: stem (2026-4) mod 10 = 2 → BI, Fire, Yang; branch (2026-4) mod 12 = 6 → Horse
        eq(f.stem, "BI", "fc60.stem")
        eq(f.element, "Fire", "fc60.element")
        eq(f.polarity, "Yang", "fc60.polarity")
        eq(f.branch, "Horse", "fc60.branch")
        eq(f.year_number, 1, "fc60.year_number")
        eq(f.month_number, 2, "fc60.month_number")
        eq(f.day_number, 6, "fc60.day_number")
        close(f.energy_level, 0.80618787, "fc60.energy_level (moon illumination / 100)", 1e-3)
        eq(set(f.element_balance.keys()), ELEMENTS, "fc60.element_balance keys")
        close(f.element_balance["Fire"], 0.4, "element_balance[Fire]")
        for k in ELEMENTS - {"Fire"}:
            close(f.element_balance[k], 0.2, f"element_balance[{k}]")
        eq((n.day_vibration, n.personal_year, n.personal_month, n.personal_day), (6, 9, 3, 9),
           "numerology (day_vibration, personal_year, personal_month, personal_day)")
    c.run("GetReading 2026-02-06T01:15:00+08:00: fc60 and numerology fields", reading_details)

    def reading_utc():
        r = stub.GetReading(pb.ReadingRequest(datetime="2026-02-05T17:15:00Z"), timeout=RPC_TIMEOUT)
        eq(r.fc60.cycle, (JDN - 1) % 60, "fc60.cycle of 2026-02-05 (UTC)")
    c.run("GetReading 2026-02-05T17:15:00Z reads the UTC date", reading_utc)

    def reading_now():
        r = stub.GetReading(pb.ReadingRequest(datetime=""), timeout=RPC_TIMEOUT)
        assert r.HasField("fc60"), "fc60 must be set"
        assert abs(r.generated_at - time.time()) < 3600, \
            f"generated_at {r.generated_at} is not about now"
    c.run("GetReading empty datetime = now", reading_now)

    def name_reading():
        r = stub.GetNameReading(pb.NameRequest(name="Ada Lovelace"), timeout=RPC_TIMEOUT)
        eq(r.name, "Ada Lovelace", "name")
        eq((r.destiny_number, r.soul_urge, r.personality), (9, 1, 8),
           "(destiny_number, soul_urge, personality)")
        want = [(ch.upper(), letter_value(ch), letter_element(letter_value(ch)))
                for ch in "Ada Lovelace" if ch.isalpha()]
        got = [(la.letter.upper(), la.value, la.element) for la in r.letters if la.letter.strip()]
        eq(got, want, "letters (letter, value, element), one per letter")
    c.run("GetNameReading Ada Lovelace: 9/1/8 and letters", name_reading)

    def question():
        q = "Will block 42 be found?"
        r = stub.GetQuestionSign(pb.QuestionRequest(question=q, seed=7), timeout=RPC_TIMEOUT)
        eq(r.question, q, "question")
        eq(r.sign_number, reduce_n(42), "sign_number")
        eq(r.answer, "no", "answer")
        close(r.confidence, 0.7, "confidence")
        assert r.interpretation.strip(), "interpretation should not be empty"
        r2 = stub.GetQuestionSign(pb.QuestionRequest(question=q, seed=7), timeout=RPC_TIMEOUT)
        eq(r2.interpretation, r.interpretation, "interpretation with the same seed")
    c.run("GetQuestionSign 'Will block 42 be found?': 6, no, 0.7", question)

    def question_no_numbers():
        q = "Is it time?"   # no numbers: 8 letters → sign 8 → even → "no", confidence 0.5
        r = stub.GetQuestionSign(pb.QuestionRequest(question=q), timeout=RPC_TIMEOUT)
        eq((r.sign_number, r.answer), (reduce_n(sum(ch.isalpha() for ch in q)), "no"),
           "(sign_number, answer)")
        close(r.confidence, 0.5, "confidence")
    c.run("GetQuestionSign without numbers: letter count", question_no_numbers)

    def daily():
        r = stub.GetDailyInsight(pb.DateRequest(date="2026-02-06"), timeout=RPC_TIMEOUT)
        eq(r.date, "2026-02-06", "date")
        assert r.insight.strip(), "insight should not be empty"
        eq(r.fc60.cycle, CYCLE, "fc60.cycle")
        eq(r.numerology.life_path, 9, "numerology.life_path")
        assert len(r.lucky_numbers) > 0, "lucky_numbers should not be empty"
        assert r.optimal_activity.strip(), "optimal_activity should not be empty"
    c.run("GetDailyInsight 2026-02-06", daily)

    lo66, hi66 = 2 ** 65, 2 ** 66 - 1
    scanned = f"{hex(lo66)}-{hex(lo66 + 2 ** 64 - 1)}"   # the lower half of puzzle 66

    def suggest():
        r = stub.SuggestRange(pb.RangeRequest(puzzle_number=66, ai_level=3, scanned_ranges=[scanned]),
                              timeout=RPC_TIMEOUT)
        s = parse_hex(r.range_start, "range_start")
        e = parse_hex(r.range_end, "range_end")
        assert lo66 <= s <= e <= hi66, \
            f"[{r.range_start}, {r.range_end}] not inside [{hex(lo66)}, {hex(hi66)}]"
        assert r.strategy in STRATEGIES, f"strategy {r.strategy!r} not in {sorted(STRATEGIES)}"
        # ai_level 3: cosmic when the timing score is >= 0.8, else gap_fill.
        assert r.strategy in ("cosmic", "gap_fill"), \
            f"with ai_level 3 the strategy is cosmic or gap_fill, got {r.strategy!r}"
        if r.strategy == "gap_fill":
            close(r.confidence, 0.7, "confidence of gap_fill")
            eq((s, e), (lo66 + 2 ** 64, hi66), "gap_fill range = the unscanned upper half")
        else:
            close(r.confidence, 0.8, "confidence of cosmic")
        assert r.reasoning.strip(), "reasoning should not be empty"
        words = r.reasoning.lower().replace("_", " ")
        assert r.strategy.replace("_", " ") in words, \
            f"reasoning should name the strategy {r.strategy!r}: {r.reasoning!r}"
    c.run("SuggestRange puzzle 66, ai_level 3, half scanned", suggest)

    def suggest_default():
        r = stub.SuggestRange(pb.RangeRequest(), timeout=RPC_TIMEOUT)
        s = parse_hex(r.range_start, "range_start")
        e = parse_hex(r.range_end, "range_end")
        assert lo66 <= s <= e <= hi66, f"puzzle 0 means 66: [{r.range_start}, {r.range_end}]"
        assert r.strategy in STRATEGIES, f"strategy {r.strategy!r}"
        assert 0.0 <= r.confidence <= 1.0, f"confidence {r.confidence}"
    c.run("SuggestRange puzzle_number 0 = 66", suggest_default)

    def suggest_161():
        expect_invalid(stub.SuggestRange, pb.RangeRequest(puzzle_number=161), "puzzle_number")
    c.run("SuggestRange puzzle 161 → INVALID_ARGUMENT puzzle_number", suggest_161)

    def analyze():
        r = stub.AnalyzeSession(pb.SessionData(
            session_id="py-client-test", keys_tested=1_500_000, seeds_tested=20_000, hits=0,
            speed=25_000.0, elapsed=60.0, mode="random", model="none",
            extra={"client": "python-grpcio"}), timeout=RPC_TIMEOUT)
        assert len(r.insights) > 0, "insights should not be empty"
        assert all(s.strip() for s in r.insights), "insights should not be blank"
        assert all(s.strip() for s in r.recommendations), "recommendations should not be blank"
        assert all(math.isfinite(v) for v in r.adjustments.values()), "adjustments must be finite"
        assert r.xp_earned >= 0, f"xp_earned should be >= 0, got {r.xp_earned}"
    c.run("AnalyzeSession", analyze)

    def timing():
        r = stub.GetTimingAlignment(pb.TimingRequest(datetime=MOMENT), timeout=RPC_TIMEOUT)
        assert 0.0 <= r.alignment_score <= 1.0, f"alignment_score {r.alignment_score} not in 0..1"
        assert r.quality in QUALITIES, f"quality {r.quality!r} not in {sorted(QUALITIES)}"
        eq(r.quality, quality_of(r.alignment_score), f"quality for score {r.alignment_score}")
        eq(len(r.optimal_hours), 5, "number of optimal_hours")
        hours = [h.hour for h in r.optimal_hours]
        assert all(0 <= h <= 23 for h in hours) and len(set(hours)) == 5, \
            f"optimal hours should be 5 distinct hours 0..23: {hours}"
        assert all(0.0 <= h.score <= 1.0 for h in r.optimal_hours), "optimal hour scores in 0..1"
        assert r.moon_phase in MOON_PHASES, f"moon_phase {r.moon_phase!r}"
    c.run("GetTimingAlignment: score 0..1, quality, 5 optimal hours", timing)

    def timing_formula():
        # 2026-02-06T01:15+08:00 = 2026-02-05T17:15Z
        r = stub.GetTimingAlignment(pb.TimingRequest(datetime=MOMENT), timeout=RPC_TIMEOUT)
        want = timing_score(2026, 2, 5, 17)
        close(r.alignment_score, want, "alignment_score (contract formula on the UTC moment)", 1e-6)
        eq(r.moon_phase, MOON_PHASES[moon_phase_index(jdn(2026, 2, 5))], "moon_phase")
        best = sorted(((timing_score(2026, 2, 5, h), h) for h in range(24)), key=lambda t: -t[0])
        cutoff = best[4][0]
        for h in r.optimal_hours:
            assert timing_score(2026, 2, 5, h.hour) >= cutoff - 1e-9, \
                f"hour {h.hour} is not among the five best of the day"
    c.run("GetTimingAlignment: score by the contract formula", timing_formula)

    def health():
        r = stub.HealthCheck(pb.Empty(), timeout=RPC_TIMEOUT)
        assert r.status in ("healthy", "degraded", "unhealthy"), f"status {r.status!r}"
        assert len(r.checks) > 0, "checks should not be empty"
        assert r.uptime_seconds >= 0, f"uptime_seconds {r.uptime_seconds}"
    c.run("HealthCheck: status and checks", health)

    # every bad input of the contract → INVALID_ARGUMENT naming the field
    bad = [
        ("GetReading datetime 'not-a-date'", stub.GetReading,
         pb.ReadingRequest(datetime="not-a-date"), "datetime"),
        ("GetTimingAlignment datetime 'not-a-date'", stub.GetTimingAlignment,
         pb.TimingRequest(datetime="not-a-date"), "datetime"),
        ("GetDailyInsight date '2026-13-45'", stub.GetDailyInsight,
         pb.DateRequest(date="2026-13-45"), "date"),
        ("GetNameReading empty name", stub.GetNameReading, pb.NameRequest(name=""), "name"),
        ("GetQuestionSign empty question", stub.GetQuestionSign,
         pb.QuestionRequest(question=""), "question"),
        ("SuggestRange scanned_ranges ['0xZZ-0x10']", stub.SuggestRange,
         pb.RangeRequest(scanned_ranges=["0xZZ-0x10"]), "scanned_ranges"),
    ]
    for name, call, req, field in bad:
        c.run(f"{name} → INVALID_ARGUMENT {field}",
              lambda call=call, req=req, field=field: expect_invalid(call, req, field))


def health_checks(c, hstub):
    S = health_pb2.HealthCheckResponse

    for service in ("", "nps.oracle.OracleService"):
        def check(service=service):
            r = hstub.Check(health_pb2.HealthCheckRequest(service=service), timeout=RPC_TIMEOUT)
            eq(S.ServingStatus.Name(r.status), "SERVING", f"status of {service!r}")
        c.run(f"grpc.health.v1 Check {service!r} → SERVING", check)

    def unknown():
        try:
            r = hstub.Check(health_pb2.HealthCheckRequest(service="no.such.Service"),
                            timeout=RPC_TIMEOUT)
        except grpc.RpcError as e:
            eq(rpc_code(e), grpc.StatusCode.NOT_FOUND, "status code")
            return
        raise AssertionError(f"want NOT_FOUND, got {S.ServingStatus.Name(r.status)}")
    c.run("grpc.health.v1 Check unknown service → NOT_FOUND", unknown)

    def watch():
        stream = hstub.Watch(health_pb2.HealthCheckRequest(service=""), timeout=RPC_TIMEOUT)
        try:
            first = next(stream)
        finally:
            stream.cancel()
        eq(S.ServingStatus.Name(first.status), "SERVING", "first status of Watch('')")
    c.run("grpc.health.v1 Watch '' yields SERVING first", watch)


def main():
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    ap.add_argument("--target", default="127.0.0.1:50052", help="HOST:PORT of the Oracle's gRPC")
    ap.add_argument("--connect-timeout", type=float, default=10.0,
                    help="seconds to wait for the target to be reachable (default 10)")
    args = ap.parse_args()

    print(f"{PROG}: target {args.target} (grpcio {grpc.__version__})", flush=True)
    channel = grpc.insecure_channel(args.target)
    try:
        grpc.channel_ready_future(channel).result(timeout=args.connect_timeout)
    except grpc.FutureTimeoutError:
        print(f"FAIL connect: {args.target} not reachable within {args.connect_timeout:g} s", flush=True)
        print("0 passed, 1 failed", flush=True)
        sys.stderr.write(f"{PROG}: error: gRPC target {args.target} not reachable within "
                         f"{args.connect_timeout:g} s; is the Oracle running?\n")
        return 2

    c = Checks()
    started = time.monotonic()
    oracle_checks(c, pb_grpc.OracleServiceStub(channel))
    health_checks(c, health_pb2_grpc.HealthStub(channel))
    channel.close()
    print(f"{PROG}: {c.passed + c.failed} checks in {time.monotonic() - started:.1f} s", flush=True)
    print(f"{c.passed} passed, {c.failed} failed", flush=True)
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
