import type { BlockShape, ProviderShapes } from "./shapes";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = Record<string, Json>;

/** Keys of resource and data bodies that Terraform itself defines. */
const LIFECYCLE: BlockShape = { blocks: { precondition: {}, postcondition: {} } };
/** Meta-arguments whose JSON strings are bare references in HCL. */
const REFERENCE_LISTS = new Set(["depends_on"]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Thrown when the JSON uses a type the shapes do not describe. */
export class MissingShapeError extends Error {}

const escapeLiteral = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");

/** Index just past the `}` closing the interpolation that opens at `start` (after `${` or `%{`). */
function interpolationEnd(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      // A quoted string inside the expression: skip it, escapes included.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * A JSON string as an HCL quoted template: literal parts escaped, `${...}` and `%{...}`
 * sequences copied as they are (their content is HCL expression syntax in both forms).
 */
function quote(text: string): string {
  let out = "";
  let literal = 0;
  for (let i = 0; i < text.length; i++) {
    if ((text[i] === "$" || text[i] === "%") && text[i + 1] === "{" && text[i - 1] !== text[i]) {
      const end = interpolationEnd(text, i + 2);
      out += escapeLiteral(text.slice(literal, i)) + text.slice(i, end);
      literal = end;
      i = end - 1;
    }
  }
  return `"${out}${escapeLiteral(text.slice(literal))}"`;
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/** An attribute value: JSON strings are templates in both syntaxes, so they stay quoted strings. */
function value(json: Json, indent: string): string {
  if (json === null) return "null";
  if (typeof json === "string") return quote(json);
  if (typeof json !== "object") return String(json);
  const inner = `${indent}  `;
  if (Array.isArray(json)) {
    return json.length === 0
      ? "[]"
      : `[\n${json.map((item) => `${inner}${value(item, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(json).filter(([name]) => name !== "//");
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([name, item]) => `${inner}${key(name)} = ${value(item, inner)}`).join("\n")}\n${indent}}`;
}

/** A reference written as a JSON string (`aws_x.y`, `"${aws_x.y}"`) as a bare HCL traversal. */
function bare(reference: string): string {
  return reference.replace(/^\$\{(.*)\}$/s, "$1");
}

function body(json: Body, shape: BlockShape, indent: string, meta: boolean): string[] {
  const lines: string[] = [];
  for (const [name, item] of Object.entries(json)) {
    if (name === "//") continue;
    if (meta && name === "lifecycle") {
      lines.push(...blocks(name, item, LIFECYCLE, indent, (lifecycle) => lifecycleBody(lifecycle, indent + "  ")));
    } else if (meta && REFERENCE_LISTS.has(name) && Array.isArray(item)) {
      lines.push(`${indent}${name} = [${item.map((reference) => bare(String(reference))).join(", ")}]`);
    } else if (meta && name === "provider" && typeof item === "string") {
      lines.push(`${indent}provider = ${bare(item)}`);
    } else if (shape.blocks?.[name] !== undefined) {
      lines.push(...blocks(name, item, shape.blocks[name]!, indent));
    } else {
      lines.push(`${indent}${key(name)} = ${value(item, indent)}`);
    }
  }
  return lines;
}

function lifecycleBody(json: Body, indent: string): string[] {
  return Object.entries(json).map(([name, item]) =>
    name === "ignore_changes" && Array.isArray(item)
      ? `${indent}ignore_changes = [${item.map((path) => bare(String(path))).join(", ")}]`
      : `${indent}${name} = ${value(item, indent)}`,
  );
}

/** One block per element: JSON writes a single nested block as an object or a one-item list. */
function blocks(
  name: string,
  json: Json,
  shape: BlockShape,
  indent: string,
  render: (item: Body) => string[] = (item) => body(item, shape, indent + "  ", false),
): string[] {
  const items = (Array.isArray(json) ? json : [json]) as Body[];
  return items.flatMap((item) => [`${indent}${name} {`, ...render(item), `${indent}}`]);
}

function labelled(kind: string, labels: string[], lines: string[]): string {
  return `${kind} ${labels.map(quote).join(" ")} {\n${lines.join("\n")}\n}`;
}

function shapeFor(record: Record<string, BlockShape>, type: string, what: string): BlockShape {
  if (type === "terraform_remote_state") return {};
  const shape = record[type];
  if (shape === undefined) {
    throw new MissingShapeError(`no schema shape for ${what} ${type}: run npm run hcl:shapes`);
  }
  return shape;
}

function terraformBlock(json: Body): string {
  const lines: string[] = [];
  for (const [name, item] of Object.entries(json)) {
    if (name === "required_providers") {
      lines.push("  required_providers {", ...body(item as Body, {}, "    ", false), "  }");
    } else if (name === "backend") {
      for (const [type, config] of Object.entries(item as Body)) {
        lines.push(`  backend ${quote(type)} {`, ...body(config as Body, {}, "    ", false), "  }");
      }
    } else if (name === "cloud") {
      lines.push(...blocks("cloud", item, { blocks: { workspaces: {} } }, "  "));
    } else {
      lines.push(`  ${key(name)} = ${value(item, "  ")}`);
    }
  }
  return `terraform {\n${lines.join("\n")}\n}`;
}

/**
 * Renders a synthesized stack (`cdk.tf.json`) as HCL describing the same configuration: nested
 * blocks where the provider schema has blocks, attributes (including nested attributes, such as
 * helm 3's `set` and `kubernetes`) everywhere else. `//` metadata is dropped. Run
 * `terraform fmt` on the result to align it.
 */
export function renderHcl(document: Body, shapes: ProviderShapes): string {
  const out: string[] = [];
  if (document.terraform !== undefined) out.push(terraformBlock(document.terraform as Body));
  for (const [name, configs] of Object.entries((document.provider ?? {}) as Record<string, Body[]>)) {
    const shape = shapeFor(shapes.providers, name, "provider");
    for (const config of Array.isArray(configs) ? configs : [configs]) {
      out.push(labelled("provider", [name], body(config, shape, "  ", true)));
    }
  }
  for (const [kind, record, what] of [
    ["data", shapes.data, "data source"],
    ["ephemeral", shapes.ephemeral, "ephemeral resource"],
    ["resource", shapes.resources, "resource"],
  ] as const) {
    for (const [type, instances] of Object.entries((document[kind] ?? {}) as Record<string, Record<string, Body>>)) {
      const shape = shapeFor(record, type, what);
      for (const [name, config] of Object.entries(instances)) {
        out.push(labelled(kind, [type, name], body(config, shape, "  ", true)));
      }
    }
  }
  for (const [name, output] of Object.entries((document.output ?? {}) as Record<string, Body>)) {
    out.push(labelled("output", [name], body(output, {}, "  ", false)));
  }
  for (const [name, variable] of Object.entries((document.variable ?? {}) as Record<string, Body>)) {
    out.push(labelled("variable", [name], body(variable, {}, "  ", false)));
  }
  if (document.locals !== undefined)
    out.push(`locals {\n${body(document.locals as Body, {}, "  ", false).join("\n")}\n}`);
  // `moved` blocks (a refactor keeps the deployed object): both ends are bare resource addresses.
  const moves = document.moved === undefined ? [] : Array.isArray(document.moved) ? document.moved : [document.moved];
  for (const moved of moves as Array<{ from: string; to: string }>) {
    out.push(`moved {\n  from = ${bare(moved.from)}\n  to   = ${bare(moved.to)}\n}`);
  }
  return `${out.join("\n\n")}\n`;
}
