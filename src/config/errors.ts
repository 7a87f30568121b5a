/** One broken rule in one configuration value. */
export interface ConfigProblem {
  /** Where the configuration came from, e.g. `GENAI_ENV=production` or a file path. */
  readonly source: string;
  /** Dotted path to the field, e.g. `regions[1].vpcCidr`; empty for the document itself. */
  readonly path: string;
  /** The offending value, as found (undefined when the field is missing). */
  readonly value: unknown;
  /** The rule the value breaks. */
  readonly rule: string;
}

/** Configuration could not be loaded or broke one or more rules; nothing was synthesized. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was synthesized:\n` +
        problems.map((problem) => `  - ${formatProblem(problem)}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

export function formatProblem({ source, path, value, rule }: ConfigProblem): string {
  const where = path === "" ? source : `${source}: ${path}`;
  return `${where} = ${formatValue(value)}: ${rule}`;
}

function formatValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  const json = JSON.stringify(value);
  const maxLength = 80;
  return json.length > maxLength ? `${json.slice(0, maxLength - 1)}…` : json;
}

/** Renders a zod issue path the way a reader would write it: `regions[1].eks.nodeGroup`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/** The value at `path` inside `document`, or undefined where the path leads nowhere. */
export function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = document;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}
