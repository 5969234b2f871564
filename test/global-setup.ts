/**
 * Builds the generator into dist/ once, before any test file runs. Tests that run the real command
 * line use that build; none rebuilds it, because a rebuild while another test file starts the CLI
 * would hand that file a half-written dist/.
 */
import { spawnSync } from "node:child_process";

export default function buildGeneratorOnce(): void {
  const r = spawnSync("npm", ["run", "--silent", "build:generator"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm run build:generator failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}
