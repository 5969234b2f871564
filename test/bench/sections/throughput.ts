/**
 * Section 1: time per call of the generated validator and parser on a fixed mixed set of
 * payloads, relative to a hand-written type guard, beside AJV compiled at run time (with and
 * without `discriminator`), TypeBox and zod written by hand for the same contract.
 */
import type { BenchContext } from "../context.js";
import { allCases, timingSet } from "../payloads.js";
import { compileOneOf, compileWithDiscriminator } from "../peers/ajv.js";
import { isPushExtrasByHand, parsePushExtrasByHand } from "../peers/handwritten.js";
import { isPushExtrasTypeBox } from "../peers/typebox.js";
import { isPushExtrasZod } from "../peers/zod.js";
import { atMost, nanoseconds, ratio, type SectionResult } from "../report.js";
import { median, medianRatio } from "../stats.js";
import { assertAgreement, timeCalls, type CallPeer } from "../timing.js";

const PAYLOAD_COUNT = 64;

export async function throughputSection(context: BenchContext): Promise<SectionResult> {
  const payloads = timingSet(context.model, PAYLOAD_COUNT, context.seed);
  const checked = [...allCases(context.model, context.seed), ...payloads];
  const peer = (id: string, name: string, reading: CallPeer["reading"], call: CallPeer["call"]): CallPeer => ({ id, name, reading, call, payloads });
  const schema = context.model.schema as object;
  const peers: CallPeer[] = [
    peer("guard", "hand-written type guard", "strict", isPushExtrasByHand),
    peer("validator", "generated validator (validatePushExtras)", "strict", context.generated.validatePushExtras),
    peer("ajv", "AJV with discriminator, compiled at run time", "strict", compileWithDiscriminator(schema)),
    peer("ajvOneOf", "AJV oneOf, compiled at run time", "strict", compileOneOf(schema)),
    peer("typebox", "TypeBox 0.34 (TypeCompiler)", "strict", isPushExtrasTypeBox),
    peer("zod", "zod 4 (safeParse)", "strict", isPushExtrasZod),
    peer("parser", "generated parser (parsePushExtras)", "tolerant", context.generated.parsePushExtras),
    peer("handParser", "hand-written tolerant parser", "tolerant", parsePushExtrasByHand),
  ];
  assertAgreement(peers, () => checked);
  context.log(`throughput: ${peers.length} peers agree on ${checked.length} payloads; timing`);

  // The strict peers again on the valid and on the invalid payloads of the set alone: rejecting
  // and accepting cost differently (a validator that reports errors builds them on rejection).
  const subsets = [
    { id: "valid", name: "valid payloads only", payloads: payloads.filter((p) => p.strictValid) },
    { id: "invalid", name: "invalid payloads only", payloads: payloads.filter((p) => !p.strictValid) },
  ];
  const splitIds = ["guard", "validator", "ajv", "typebox"];
  const split = subsets.flatMap((subset) =>
    peers.filter((p) => splitIds.includes(p.id)).map((p): CallPeer => ({ ...p, id: `${p.id}@${subset.id}`, name: `${p.name}, ${subset.name}`, payloads: subset.payloads })),
  );
  const plan = { rounds: context.quick ? 3 : 15, millisecondsPerRound: context.quick ? 10 : 100, seed: context.seed };
  const times = await timeCalls([...peers, ...split], plan);
  const figures = times.cpu;
  const ns = (id: string) => median(figures.get(id)!);
  const toGuard = (id: string) => medianRatio(figures.get(id)!, figures.get("guard")!);
  const toHandParser = (id: string) => medianRatio(figures.get(id)!, figures.get("handParser")!);

  const validatorTarget = atMost(1.15, "1.15");
  const strictPeers = ["ajv", "ajvOneOf", "typebox", "zod"].map((id) => `${shortName(id)} ${ratio(toGuard(id))}`).join(", ");
  const valid = payloads.filter((p) => p.strictValid).length;
  return {
    id: "throughput",
    title: "Validator and parser throughput",
    method:
      `Time per call on a fixed set of ${payloads.length} payloads (${valid} valid, ${payloads.length - valid} invalid, seed ${context.seed}), ` +
      `CPU time of the bench process, median of ${plan.rounds} rounds of about ${plan.millisecondsPerRound} ms per peer, peer order shuffled per round; ` +
      `ratios are medians of same-round ratios. Every peer gave the contract's verdict on ${checked.length} payloads first.`,
    columns: ["peer", "reading", "time per call", "/ hand-written guard", "/ hand-written parser", "target"],
    rows: peers.map((p) => [
      p.name,
      p.reading,
      nanoseconds(ns(p.id)),
      ratio(toGuard(p.id)),
      p.reading === "tolerant" ? ratio(toHandParser(p.id)) : "",
      p.id === "validator" ? validatorTarget.text : "",
    ]),
    more: [
      {
        caption: "The same strict peers on the valid and on the invalid payloads of the set alone:",
        columns: ["peer", ...subsets.flatMap((subset) => [subset.name, "/ hand-written guard"])],
        rows: splitIds.map((id) => [
          peers.find((p) => p.id === id)!.name,
          ...subsets.flatMap((subset) => [nanoseconds(ns(`${id}@${subset.id}`)), ratio(medianRatio(figures.get(`${id}@${subset.id}`)!, figures.get(`guard@${subset.id}`)!))]),
        ]),
      },
    ],
    figures: [
      { figure: "validator time / hand-written guard", value: toGuard("validator"), text: ratio(toGuard("validator")), peers: strictPeers, target: validatorTarget },
      {
        figure: "parser time / hand-written guard",
        value: toGuard("parser"),
        text: ratio(toGuard("parser")),
        peers: `hand-written parser ${ratio(toGuard("handParser"))}`,
        target: null,
      },
    ],
    raw: {
      payloads: payloads.map((p) => ({ label: p.label, strictValid: p.strictValid, tolerantKind: p.tolerantKind })),
      checkedPayloads: checked.length,
      plan,
      nanosecondsPerCallByRound: Object.fromEntries([...peers, ...split].map((p) => [p.id, { name: p.name, cpu: times.cpu.get(p.id), wall: times.wall.get(p.id) }])),
    },
  };
}

function shortName(id: string): string {
  return ({ ajv: "AJV discriminator", ajvOneOf: "AJV oneOf", typebox: "TypeBox", zod: "zod" } as Record<string, string>)[id] ?? id;
}
