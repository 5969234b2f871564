/**
 * What the command line prints: one line per target (what it wrote, how long it took), drift
 * lines, errors and a closing line. Progress goes to stdout, errors to stderr; colour is used only
 * when that stream is a terminal and NO_COLOR is unset, so logs in build pipelines stay plain.
 */
export interface Reporter {
  target(name: string, paths: readonly string[], milliseconds: number): void;
  drift(kind: "changed" | "missing" | "stale", path: string): void;
  done(message: string, milliseconds: number): void;
  error(message: string): void;
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2 } as const;

function painter(stream: NodeJS.WriteStream): (colour: keyof typeof CODES, text: string) => string {
  const enabled = stream.isTTY === true && process.env["NO_COLOR"] === undefined && process.env["TERM"] !== "dumb";
  return (colour, text) => (enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text);
}

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

/** Folders of the paths, such as `ts/ (4 files)`, so a line stays short whatever a target emits. */
function summarize(paths: readonly string[]): string {
  const byFolder = new Map<string, number>();
  for (const path of paths) {
    const slash = path.indexOf("/");
    const folder = slash === -1 ? path : `${path.slice(0, slash)}/`;
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
  }
  return [...byFolder].map(([folder, count]) => (count === 1 ? folder : `${folder} (${count} files)`)).join(", ");
}

export function createReporter({ quiet }: { quiet: boolean }): Reporter {
  const out = painter(process.stdout);
  const err = painter(process.stderr);
  return {
    target(name, paths, milliseconds) {
      if (quiet) return;
      process.stdout.write(`${out("green", "✓")} ${name.padEnd(11)} ${summarize(paths).padEnd(28)} ${out("dim", duration(milliseconds))}\n`);
    },
    drift(kind, path) {
      process.stderr.write(`${err("yellow", kind.padEnd(8))} ${path}\n`);
    },
    done(message, milliseconds) {
      if (quiet) return;
      process.stdout.write(`${message} ${out("dim", `in ${duration(milliseconds)}`)}\n`);
    },
    error(message) {
      process.stderr.write(`${err("red", "error:")} ${message}\n`);
    },
  };
}
