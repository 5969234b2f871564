/**
 * Time per call of validators and parsers. Before anything is timed, every peer must give the
 * verdict the contract gives on every payload: a bench of wrong validators is meaningless.
 */
import type { BenchPayload, TolerantKind } from "./payloads.js";
import { nowMs, roundRobin } from "./stats.js";

export type Reading = "strict" | "tolerant";

export interface CallPeer {
  readonly id: string;
  /** How the table names it, such as `zod 4`. */
  readonly name: string;
  readonly reading: Reading;
  readonly call: (value: unknown) => unknown;
  /** The payloads it is timed on. */
  readonly payloads: readonly BenchPayload[];
}

interface TolerantResult {
  readonly kind: TolerantKind;
  readonly messageType?: string;
  readonly message?: { readonly messageType: string };
}

/** Lists every payload on which a peer's verdict differs from the contract's (empty: all agree). */
export function disagreements(peer: CallPeer, payloads: readonly BenchPayload[]): string[] {
  const found: string[] = [];
  for (const payload of payloads) {
    let got: string;
    let want: string;
    try {
      if (peer.reading === "strict") {
        got = String(peer.call(payload.value) === true);
        want = String(payload.strictValid);
      } else {
        const result = peer.call(payload.value) as TolerantResult;
        const type = result.kind === "message" ? result.message?.messageType : result.kind === "unknown" ? result.messageType : null;
        got = `${result.kind} ${type ?? ""}`.trim();
        want = `${payload.tolerantKind} ${payload.tolerantType ?? ""}`.trim();
      }
    } catch (error) {
      got = `threw ${error instanceof Error ? error.message : String(error)}`;
      want = peer.reading === "strict" ? String(payload.strictValid) : payload.tolerantKind;
    }
    if (got !== want) found.push(`${peer.name} on "${payload.label}" ${JSON.stringify(payload.value)}: ${got}, the contract says ${want}`);
  }
  return found;
}

/** Throws with every disagreement of every peer, so a broken peer is never timed. */
export function assertAgreement(peers: readonly CallPeer[], payloadsOf: (peer: CallPeer) => readonly BenchPayload[]): void {
  const found = peers.flatMap((peer) => disagreements(peer, payloadsOf(peer)));
  if (found.length === 0) return;
  const shown = found.slice(0, 20).map((line) => `  ${line}`).join("\n");
  throw new Error(`peers disagree with the contract on ${found.length} payload(s); nothing was timed:\n${shown}${found.length > 20 ? "\n  ..." : ""}`);
}

type Loop = (call: (value: unknown) => unknown, payloads: readonly unknown[], iterations: number) => number;

/**
 * A calling loop of its own for each peer. Compiled from source each time, it has its own type
 * feedback, so the optimizer sees one call target (and may inline it) instead of a call site shared
 * by every peer. The loop counts accepted payloads, which keeps the calls from being optimized away
 * and proves that the timed calls gave the verdicts that were checked.
 */
function compileLoop(reading: Reading): Loop {
  const accepted = reading === "strict" ? "call(payloads[j]) === true" : 'call(payloads[j]).kind === "message"';
  return new Function(
    "call",
    "payloads",
    "iterations",
    `let hits = 0;
     const n = payloads.length;
     for (let i = 0, j = 0; i < iterations; i++) {
       if (${accepted}) hits++;
       if (++j === n) j = 0;
     }
     return hits;`,
  ) as Loop;
}

export interface TimingPlan {
  readonly rounds: number;
  /** About how long one peer runs in one round. */
  readonly millisecondsPerRound: number;
  readonly seed: number;
}

export interface CallTimes {
  /** CPU nanoseconds per call by round: the figure the tables use. */
  readonly cpu: Map<string, number[]>;
  /** Wall-clock nanoseconds per call by round, kept for the JSON file. */
  readonly wall: Map<string, number[]>;
}

/**
 * Nanoseconds per call of each peer, by round (peer order shuffled per round). The loop is one
 * thread that never waits, so its CPU time is its cost; unlike wall time, it leaves out the time
 * the process sat without a core while other work ran on the machine.
 */
export async function timeCalls(peers: readonly CallPeer[], plan: TimingPlan): Promise<CallTimes> {
  const prepared = new Map(peers.map((peer) => [peer.id, prepare(peer, plan.millisecondsPerRound)]));
  const wall = new Map<string, number[]>(peers.map((peer) => [peer.id, []]));
  const cpu = await roundRobin(peers, plan.rounds, plan.seed, (peer) => {
    const { loop, values, iterations, expectedHits } = prepared.get(peer.id)!;
    const cpuStarted = process.cpuUsage();
    const started = nowMs();
    const hits = loop(peer.call, values, iterations);
    const elapsed = nowMs() - started;
    const cpuUsed = process.cpuUsage(cpuStarted);
    if (hits !== expectedHits) throw new Error(`${peer.name} accepted ${hits} payloads while timed, ${expectedHits} when checked`);
    wall.get(peer.id)!.push((elapsed * 1e6) / iterations);
    return ((cpuUsed.user + cpuUsed.system) * 1e3) / iterations;
  });
  return { cpu, wall };
}

/** Warms the peer up (the optimizer needs a few thousand calls) and sizes its round. */
function prepare(peer: CallPeer, millisecondsPerRound: number) {
  const loop = compileLoop(peer.reading);
  const values = peer.payloads.map((p) => p.value);
  const perCycle = peer.payloads.filter((p) => (peer.reading === "strict" ? p.strictValid : p.tolerantKind === "message")).length;
  let cycles = 1;
  let elapsed = 0;
  // Double until a run takes a tenth of a round; that also serves as the warm-up.
  while (elapsed < millisecondsPerRound / 10) {
    cycles *= 2;
    const started = nowMs();
    loop(peer.call, values, cycles * values.length);
    elapsed = nowMs() - started;
  }
  const roundCycles = Math.max(1, Math.round((cycles * millisecondsPerRound) / Math.max(elapsed, 1e-3)));
  return { loop, values, iterations: roundCycles * values.length, expectedHits: roundCycles * perCycle };
}
