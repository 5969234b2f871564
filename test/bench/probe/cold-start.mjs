// Runs in a fresh Node process: loads a validator and validates one payload, and prints how long
// that took (from just before the import to just after the first validation) and how long since
// the process started. Plain JavaScript, so that no loader stands between Node and the module.
//
//   node cold-start.mjs module  <validator module> <export name> <payload JSON>
//   node cold-start.mjs compile <AJV setup module> <schema file>  <payload JSON>
//   node cold-start.mjs none
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [mode, first, second, payloadText] = process.argv.slice(2);
const payload = payloadText === undefined ? null : JSON.parse(payloadText);

const cpuStarted = process.cpuUsage();
const started = performance.now();
let valid = null;
if (mode === "module") {
  const module = await import(pathToFileURL(first).href);
  valid = module[second](payload);
} else if (mode === "compile") {
  const { createStrictAjv } = await import(pathToFileURL(first).href);
  const validate = createStrictAjv().compile(JSON.parse(readFileSync(second, "utf8")));
  valid = validate(payload);
} else if (mode !== "none") {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
const finished = performance.now();
const cpu = process.cpuUsage(cpuStarted);
process.stdout.write(
  JSON.stringify({ milliseconds: finished - started, cpuMilliseconds: (cpu.user + cpu.system) / 1000, sinceProcessStart: finished, valid }),
);
