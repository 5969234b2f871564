// Runs in a fresh Node process: the generator's pipeline from dist/, with the time of each stage,
// so that the generation figures can say where the time goes. Prints one JSON object.
//
//   node generate-targets.mjs <dist/generator/pipeline.js> <spec file>
import { pathToFileURL } from "node:url";

const [pipelinePath, specPath] = process.argv.slice(2);
const started = performance.now();
const { generate } = await import(pathToFileURL(pipelinePath).href);
const imported = performance.now();
const targets = {};
await generate({
  specPath,
  onTarget: (name, _files, milliseconds) => {
    targets[name] = milliseconds;
  },
});
const finished = performance.now();
const inTargets = Object.values(targets).reduce((sum, ms) => sum + ms, 0);
process.stdout.write(
  JSON.stringify({
    // Node's own start-up, before this script ran.
    nodeStart: started,
    importPipeline: imported - started,
    // Loading, checking and modelling the spec, and sorting the output.
    specAndModel: finished - imported - inTargets,
    targets,
  }),
);
