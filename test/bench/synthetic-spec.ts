/**
 * Synthetic specs of any number of message types, shaped like the real one: message types that
 * look like its four (an ID with a UUID pattern, names, an optional key, an enum result, a key
 * that the tolerant reading may miss, a key of its own), in groups of ten, each with an example.
 * The scaling section generates from them; nothing here is committed output.
 *
 * Usage: npx tsx test/bench/synthetic-spec.ts <message count> <output file>
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";
const UUID_PATTERN = "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";
const RESULTS = ["done.ok", "done.failed", "done.expired", "done.canceled", "done.unavailable"];
const GROUP_SIZE = 10;

type Json = Record<string, unknown>;

export function syntheticSpec(messageCount: number): Json {
  if (!Number.isInteger(messageCount) || messageCount < 1) throw new Error(`message count must be a positive integer, got ${messageCount}`);
  const numbers = Array.from({ length: messageCount }, (_, i) => i + 1);
  const groupCount = Math.ceil(messageCount / GROUP_SIZE);
  const defs: Json = { ...sharedDefinitions() };
  for (const n of numbers) defs[messageDefName(n)] = messageSchema(n);
  return {
    $schema: DRAFT,
    $id: `urn:push-extras:schema:synthetic-${messageCount}:1`,
    title: `Synthetic extras with ${messageCount} message types`,
    description: "A generated spec for measuring how the generator and its output scale with the number of message types.",
    type: "object",
    required: ["messageType"],
    discriminator: { propertyName: "messageType" },
    oneOf: numbers.map((n) => ({ $ref: `#/$defs/${messageDefName(n)}` })),
    "x-groups": Array.from({ length: groupCount }, (_, g) => ({
      id: `group${g + 1}`,
      title: `Group ${g + 1}`,
      description: `Message types ${g * GROUP_SIZE + 1} to ${Math.min((g + 1) * GROUP_SIZE, messageCount)}.`,
    })),
    "x-tolerant": { nestedFallback: "aps" },
    $defs: defs,
  };
}

/**
 * Message types of one message of each shape, spread through the spec: item 1 first, the others
 * from each further quarter. With the same traffic in every spec, a validator that scans its
 * message types one by one pays for the spec's size, as it would in real use.
 */
export function spreadTypes(messageCount: number): string[] {
  const shapes = Math.min(4, messageCount);
  return Array.from({ length: shapes }, (_, i) => {
    let n = Math.floor((i * messageCount) / shapes) + 1;
    while (n % 4 !== (i + 1) % 4) n++;
    if (n > messageCount) throw new Error(`cannot spread ${shapes} shapes over ${messageCount} message types`);
    return wireType(n);
  });
}

function messageDefName(n: number): string {
  return `Item${n}Changed`;
}

function wireType(n: number): string {
  return `bench.item${n}.changed`;
}

function sharedDefinitions(): Json {
  return {
    ItemId: { title: "Item ID", description: "Identifier of the item, a UUID.", type: "string", minLength: 1, pattern: UUID_PATTERN, "x-formatName": "UUID" },
    ItemName: { title: "Item name", description: "Name of the item.", type: "string", minLength: 1 },
    ActivationId: { title: "Activation ID", description: "Identifier of the registration, when known.", type: "string", minLength: 1 },
    ItemResult: {
      title: "Item result",
      description: "How the change ended.",
      type: "string",
      enum: RESULTS,
      "x-enumDescriptions": Object.fromEntries(RESULTS.map((r) => [r, `The change ended as ${r}.`])),
    },
  };
}

/** Message n takes one of four shapes, after the four message types of the real spec. */
function messageSchema(n: number): Json {
  const shape = n % 4;
  const properties: Json = {
    messageType: { type: "string", const: wireType(n), description: `Marks change number ${n}.` },
  };
  const required = ["messageType"];
  const example: Json = { messageType: wireType(n) };
  const extra: Json = {};
  const add = (key: string, schema: Json, isRequired: boolean, value: string) => {
    properties[key] = schema;
    if (isRequired) required.push(key);
    example[key] = value;
  };
  if (shape === 0 || shape === 1) {
    add("itemId", { $ref: "#/$defs/ItemId" }, true, uuidOf(n));
    add("itemName", { $ref: "#/$defs/ItemName" }, true, `item ${n}`);
    add("activationId", { $ref: "#/$defs/ActivationId" }, false, uuidOf(n + 100_000));
    if (shape === 1) add("itemResult", { $ref: "#/$defs/ItemResult" }, true, RESULTS[n % RESULTS.length]!);
  } else if (shape === 2) {
    add("activationId", { $ref: "#/$defs/ActivationId" }, true, uuidOf(n + 100_000));
    extra["x-tolerantOptional"] = ["activationId"];
  } else {
    add(`note${n}Id`, { type: "string", minLength: 1, description: `Identifier of note ${n}.` }, true, `note-${n}`);
  }
  // A key of this message only, so the set of keys grows with the spec as it would in real life.
  add(`detail${n}`, { type: "string", minLength: 1, description: `Detail of change ${n}.` }, false, `detail ${n}`);
  return {
    title: `Item ${n} changed`,
    description: `Item number ${n} changed; refresh it.`,
    "x-group": `group${Math.floor((n - 1) / GROUP_SIZE) + 1}`,
    type: "object",
    required,
    ...extra,
    properties,
    examples: [example],
  };
}

/** A stable UUID made from a number, so the spec is the same on every run. */
function uuidOf(n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `00000000-0000-4000-8000-${hex}`;
}

async function main(argv: readonly string[]): Promise<void> {
  const [count, out] = argv;
  if (count === undefined || out === undefined) {
    process.stderr.write("usage: npx tsx test/bench/synthetic-spec.ts <message count> <output file>\n");
    process.exitCode = 2;
    return;
  }
  await writeFile(out, `${JSON.stringify(syntheticSpec(Number(count)), null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
