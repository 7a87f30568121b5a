/**
 * Renders docs/configuration.md from the configuration schema (src/config/schema/), so the
 * reference cannot drift from the rules synth enforces.
 *
 * Three sources, all read from the schema itself:
 * - zod's JSON Schema export (`z.toJSONSchema`, input side) gives every field's path, type,
 *   required/optional, default, enum values, numeric and length limits and patterns;
 * - the zod tree gives the messages of the refinements JSON Schema cannot express (allowed
 *   retention periods, backup frequencies, VPC sizes, …) and of the patterns;
 * - the JSDoc comments on the schema's object literals give the descriptions.
 *
 * Rules that span fields or regions (`superRefine` on an object) have no per-field message and
 * are summarised in the intro; the tests under test/config/schema/ hold them.
 *
 * The output is deterministic: no timestamps, sources read in sorted order.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { z } from "zod";
import { environmentSchema } from "../../src/config/schema";

export const REPOSITORY_ROOT = resolve(__dirname, "../..");
export const CONFIGURATION_DOC_PATH = join(REPOSITORY_ROOT, "docs", "configuration.md");
const SCHEMA_DIRECTORY = join(REPOSITORY_ROOT, "src", "config", "schema");

/** Enum lists longer than this move to the "Long value lists" section. */
const MAX_INLINE_ENUM_VALUES = 10;

/** One JSON Schema node, as `z.toJSONSchema` emits it (only the keywords this renderer reads). */
interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

/** One row of a section's table. */
export interface FieldRow {
  readonly path: string;
  readonly type: string;
  readonly required: string;
  readonly rules: string[];
  readonly description: string;
}

interface LongList {
  readonly values: string[];
  readonly paths: string[];
}

// ---------------------------------------------------------------------------------------------
// Descriptions: JSDoc comments of the schema sources.

interface LiteralDocs {
  /** Every property name the object literal declares (spreads excluded). */
  readonly names: Set<string>;
  readonly docs: Map<string, string>;
  /** Property name -> its `@default` tag, for defaults applied outside the schema. */
  readonly defaults: Map<string, string>;
  /** Property name -> the identifier its value is built from (`state: stateSchema` -> stateSchema). */
  readonly sources: Map<string, string>;
}

interface SchemaDocs {
  readonly literals: LiteralDocs[];
  /** Documented `const` declarations by name. */
  readonly variables: Map<string, string>;
}

function jsDocText(node: ts.Node): string | undefined {
  const texts = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")
    .filter((text) => text.trim() !== "");
  if (texts.length === 0) return undefined;
  return texts[texts.length - 1]
    .replace(/\{@link\s+([^}\s|]+)[^}]*\}/g, "`$1`")
    .replace(/\s+/g, " ")
    .trim();
}

/** The identifier an expression is built from: `failoverSchema.optional()` -> failoverSchema. */
function rootIdentifier(expression: ts.Expression): string | undefined {
  let current: ts.Expression = expression;
  for (;;) {
    if (ts.isIdentifier(current)) return current.text === "z" ? undefined : current.text;
    if (ts.isCallExpression(current)) current = current.expression;
    else if (ts.isPropertyAccessExpression(current)) current = current.expression;
    else return undefined;
  }
}

function readSchemaDocs(): SchemaDocs {
  const literals: LiteralDocs[] = [];
  const variables = new Map<string, string>();
  const files = readdirSync(SCHEMA_DIRECTORY)
    .filter((file) => file.endsWith(".ts"))
    .sort();
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(SCHEMA_DIRECTORY, file), "utf8"),
      ts.ScriptTarget.ES2022,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        const text = jsDocText(node);
        if (text !== undefined) variables.set(node.name.text, text);
      }
      if (ts.isObjectLiteralExpression(node)) {
        const literal: LiteralDocs = { names: new Set(), docs: new Map(), defaults: new Map(), sources: new Map() };
        for (const property of node.properties) {
          if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) continue;
          if (!(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
          const name = property.name.text;
          literal.names.add(name);
          const text = jsDocText(property);
          if (text !== undefined) literal.docs.set(name, text);
          const defaultTag = ts.getJSDocTags(property).find((tag) => tag.tagName.text === "default");
          const defaultText = defaultTag && ts.getTextOfJSDocComment(defaultTag.comment)?.replace(/\s+/g, " ").trim();
          if (defaultText) literal.defaults.set(name, defaultText);
          const root = ts.isShorthandPropertyAssignment(property) ? name : rootIdentifier(property.initializer);
          if (root !== undefined) literal.sources.set(name, root);
        }
        if (literal.names.size > 0) literals.push(literal);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, variables };
}

/**
 * The description of property `name` of an object whose properties are `siblings`: from the
 * source object literal that shares the most property names with it.
 */
function describe(docs: SchemaDocs, name: string, siblings: string[]): string {
  return bestLiteral(docs, name, siblings)?.description ?? "";
}

/** The `@default` tag of property `name`, matched like {@link describe}. */
function documentedDefault(docs: SchemaDocs, name: string, siblings: string[]): string | undefined {
  return bestLiteral(docs, name, siblings)?.defaultText;
}

function bestLiteral(
  docs: SchemaDocs,
  name: string,
  siblings: string[],
): { description: string; defaultText: string | undefined } | undefined {
  let best: LiteralDocs | undefined;
  let bestScore = -1;
  for (const literal of docs.literals) {
    if (!literal.names.has(name)) continue;
    const score = siblings.filter((sibling) => literal.names.has(sibling)).length;
    if (score > bestScore) {
      best = literal;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  const source = best.sources.get(name);
  const description = best.docs.get(name) ?? ((source !== undefined && docs.variables.get(source)) || "");
  return { description, defaultText: best.defaults.get(name) };
}

// ---------------------------------------------------------------------------------------------
// Messages of checks JSON Schema cannot express, from the zod tree.

interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string; checks?: ZodCheck[] } };
}
interface ZodCheck {
  _zod: { def: { check: string; error?: unknown; format?: string } };
}

function checkMessage(check: ZodCheck): string | undefined {
  const error = check._zod.def.error;
  if (typeof error === "string") return error;
  if (typeof error !== "function") return undefined;
  try {
    const message = (error as (issue: unknown) => unknown)({ code: "custom", input: undefined, path: [] });
    if (typeof message === "string") return message;
    if (message && typeof message === "object" && "message" in message) return String(message.message);
  } catch {
    // A message built from the failing value: nothing general to show.
  }
  return undefined;
}

/** Field path -> the messages of its own refinements and patterns, in schema order. */
function collectCheckMessages(schema: ZodNode): Map<string, string[]> {
  const messages = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const list = messages.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    messages.set(path, list);
  };
  const walk = (node: ZodNode | undefined, path: string): void => {
    if (node === undefined || node._zod === undefined) return;
    const def = node._zod.def;
    for (const check of def.checks ?? []) {
      const kind = check._zod.def.check;
      if (kind === "custom" || (kind === "string_format" && check._zod.def.format === "regex")) {
        const message = checkMessage(check);
        if (message !== undefined) add(path, message);
      }
    }
    switch (def.type) {
      case "object":
        for (const [key, child] of Object.entries(def.shape as Record<string, ZodNode>)) {
          walk(child, path === "" ? key : `${path}.${key}`);
        }
        break;
      case "array":
        walk(def.element as ZodNode, `${path}[]`);
        break;
      case "record":
        walk(def.valueType as ZodNode, `${path}.<key>`);
        break;
      case "optional":
      case "default":
      case "prefault":
      case "nullable":
      case "readonly":
      case "nonoptional":
        walk(def.innerType as ZodNode, path);
        break;
      case "pipe":
        walk(def.in as ZodNode, path);
        break;
      case "union":
        for (const option of def.options as ZodNode[]) walk(option, path);
        break;
      default:
        break;
    }
  };
  walk(schema, "");
  return messages;
}

// ---------------------------------------------------------------------------------------------
// Rows, from the JSON Schema.

const code = (value: unknown): string => "`" + (typeof value === "string" ? value : JSON.stringify(value)) + "`";

function variantsOf(node: JsonSchema): JsonSchema[] | undefined {
  return node.oneOf ?? node.anyOf;
}

function isObjectNode(node: JsonSchema): boolean {
  return node.type === "object" && node.properties !== undefined;
}

function isRecordNode(node: JsonSchema): boolean {
  return node.type === "object" && node.properties === undefined && typeof node.additionalProperties === "object";
}

function typeName(node: JsonSchema): string {
  const variants = variantsOf(node);
  if (variants !== undefined) {
    const types = [...new Set(variants.map(typeName))];
    return types.length === 1 ? types[0] : types.join(" or ");
  }
  if (node.type === "array") return `array of ${node.items ? typeName(node.items) : "any"}`;
  if (isRecordNode(node)) return `map of ${typeName(node.additionalProperties as JsonSchema)}`;
  return node.type ?? "any";
}

/** Constraints of one node (not of its children), as short phrases. */
function constraintsOf(node: JsonSchema, path: string, longLists: Map<string, LongList>): string[] {
  const rules: string[] = [];
  const variants = variantsOf(node);
  if (variants !== undefined && variants.every((variant) => variant.const !== undefined)) {
    rules.push(`one of ${variants.map((variant) => code(variant.const)).join(", ")}`);
  }
  if (node.const !== undefined) rules.push(`exactly ${code(node.const)}`);
  if (node.enum !== undefined) {
    const values = node.enum.map((value) => String(value));
    if (values.length <= MAX_INLINE_ENUM_VALUES) {
      rules.push(`one of ${values.map(code).join(", ")}`);
    } else {
      const key = values.join("\n");
      const list = longLists.get(key) ?? { values, paths: [] };
      list.paths.push(path);
      longLists.set(key, list);
      rules.push(`one of ${values.length} values ([long value lists](#long-value-lists))`);
    }
  }
  const bound = (value: number | undefined) => value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER;
  const range = (min: number | undefined, max: number | undefined, unit: string): string | undefined => {
    const units = (count: number | undefined) => (count === 1 ? unit.replace(/s$/, "") : unit);
    if (bound(min) && bound(max)) return min === max ? `exactly ${min}${units(min)}` : `${min} to ${max}${unit}`;
    if (bound(min)) return `at least ${min}${units(min)}`;
    if (bound(max)) return `at most ${max}${units(max)}`;
    return undefined;
  };
  const numeric = range(node.minimum, node.maximum, "");
  if (numeric !== undefined) rules.push(numeric);
  if (bound(node.exclusiveMinimum)) rules.push(`more than ${node.exclusiveMinimum}`);
  if (bound(node.exclusiveMaximum)) rules.push(`less than ${node.exclusiveMaximum}`);
  const length = range(node.minLength, node.maxLength, " characters");
  if (length !== undefined) rules.push(length);
  const items = range(node.minItems, node.maxItems, " items");
  if (items !== undefined) rules.push(items);
  if (node.format !== undefined) {
    rules.push(`format ${code(node.format)}`);
  } else if (node.pattern !== undefined) {
    rules.push(`pattern ${code(node.pattern)}`);
  }
  return rules;
}

function collectRows(
  node: JsonSchema,
  path: string,
  required: string,
  description: string,
  docs: SchemaDocs,
  messages: Map<string, string[]>,
  longLists: Map<string, LongList>,
  rows: FieldRow[],
): void {
  const rules = constraintsOf(node, path, longLists);
  if (node.type === "array" && node.items !== undefined && !isObjectNode(node.items)) {
    rules.push(...constraintsOf(node.items, `${path}[]`, longLists).map((rule) => `each: ${rule}`));
    rules.push(...(messages.get(`${path}[]`) ?? []).map((message) => `each: ${message}`));
  }
  if (isRecordNode(node) && node.propertyNames !== undefined) {
    rules.push(...constraintsOf(node.propertyNames, `${path} keys`, longLists).map((rule) => `keys: ${rule}`));
  }
  if (isRecordNode(node) && !isObjectNode(node.additionalProperties as JsonSchema)) {
    const values = node.additionalProperties as JsonSchema;
    rules.push(...constraintsOf(values, `${path}.<key>`, longLists).map((rule) => `values: ${rule}`));
  }
  rules.push(...(messages.get(path) ?? []));
  rows.push({ path, type: typeName(node), required, rules, description });

  const childPath = (name: string) => `${path}.${name}`;
  if (isObjectNode(node)) {
    addObjectChildren(node, childPath, undefined, docs, messages, longLists, rows);
  } else if (node.type === "array" && node.items !== undefined && isObjectNode(node.items)) {
    addObjectChildren(node.items, (name) => `${path}[].${name}`, undefined, docs, messages, longLists, rows);
  } else if (isRecordNode(node) && isObjectNode(node.additionalProperties as JsonSchema)) {
    const values = node.additionalProperties as JsonSchema;
    addObjectChildren(values, (name) => `${path}.<key>.${name}`, undefined, docs, messages, longLists, rows);
  } else {
    const variants = variantsOf(node);
    if (variants !== undefined && variants.every(isObjectNode)) {
      // A discriminated union: each variant's fields, labelled with the discriminator value.
      const discriminator = Object.keys(variants[0].properties ?? {}).find((name) =>
        variants.every((variant) => variant.properties?.[name]?.const !== undefined),
      );
      const seen = new Set<string>();
      if (discriminator !== undefined) {
        seen.add(discriminator);
        const values = variants.map((variant) => variant.properties?.[discriminator]?.const);
        const siblings = variants.flatMap((variant) => Object.keys(variant.properties ?? {}));
        rows.push({
          path: childPath(discriminator),
          type: typeName(variants[0].properties?.[discriminator] ?? {}),
          required: "required",
          rules: [`one of ${values.map(code).join(", ")}`, ...(messages.get(childPath(discriminator)) ?? [])],
          description: describe(docs, discriminator, siblings) || "Chooses which of the other fields apply.",
        });
      }
      for (const variant of variants) {
        const when =
          discriminator === undefined
            ? undefined
            : `${discriminator} = ${code(variant.properties?.[discriminator]?.const)}`;
        addObjectChildren(variant, childPath, when, docs, messages, longLists, rows, seen);
      }
    }
  }
}

function addObjectChildren(
  node: JsonSchema,
  pathOf: (name: string) => string,
  when: string | undefined,
  docs: SchemaDocs,
  messages: Map<string, string[]>,
  longLists: Map<string, LongList>,
  rows: FieldRow[],
  seen: Set<string> = new Set(),
): void {
  const names = Object.keys(node.properties ?? {});
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const child = (node.properties ?? {})[name];
    const isRequired = (node.required ?? []).includes(name);
    let required = isRequired ? "required" : "optional";
    const documented = documentedDefault(docs, name, names);
    if (child.default !== undefined) required = `optional, default ${code(child.default)}`;
    else if (!isRequired && documented !== undefined) required = `optional, default: ${documented}`;
    if (when !== undefined) required = `${required} when ${when}`;
    collectRows(child, pathOf(name), required, describe(docs, name, names), docs, messages, longLists, rows);
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const escapeCell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(header: string[], rows: string[][]): string[] {
  const cells = [header, ...rows].map((row) => row.map(escapeCell));
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  return [line(cells[0]), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...cells.slice(1).map(line)];
}

function sentence(text: string): string {
  if (text === "") return "";
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}

const INTRO = [
  "# Configuration reference",
  "",
  "<!-- Generated by `npm run docs:config` (tools/config-docs/generate.ts) from src/config/schema/. Do not edit by hand. -->",
  "",
  "Every environment is one document in the schema below: a typed file per environment in",
  "[`environments/`](../environments) (`production.ts`, `staging.ts`, `development.ts`, with values they share",
  "in `shared.ts`), chosen with `GENAI_ENV=<name>` (default `production`), or a complete JSON file",
  "named by `GENAI_CONFIG=<file.json>`, which wins over `GENAI_ENV` (how pipelines and Terraform",
  "Cloud feed config). The schema is written with zod in [`src/config/schema/`](../src/config/schema);",
  "`src/config/load.ts` validates the document before any stack is built. A bad document stops synth",
  "with exit code 1, writes nothing, and prints one line per problem naming the source, the field,",
  "the value and the rule.",
  "",
  "This file is generated from the schema by `npm run docs:config` (`tools/config-docs/generate.ts`);",
  "do not edit it by hand. A test (`test/tools/config-docs.test.ts`) fails when it is out of date.",
  "",
  "How to read the tables:",
  "",
  "- **Field** is the path in the document: `regions[]` is any element of the `regions` array,",
  "  `<key>` any key of a map (for example a node group's name).",
  "- **Required** says whether the field must be present; `optional, default …` fields take that",
  "  value when left out. Fields of a union say which choice they belong to (`when mode = adopt`).",
  "- **Rules** lists what a single field must satisfy: allowed values, ranges, lengths, patterns and",
  "  the schema's own messages for checks that JSON Schema cannot express.",
  "- **Description** comes from the schema's doc comments, where it has one.",
  "",
  "Rules that relate several fields (zod `superRefine`s) have no per-field entry in the tables. They",
  "are summarised here by hand; their exact messages are in `src/config/schema/`, their tests",
  "under `test/config/schema/`:",
  "",
  "- **Regions**: exactly one region has role `primary`; region keys and AWS regions are unique,",
  "  and no key is `global`; `<project>-<name>-<region key>` is at most 32 characters (the ALB and",
  "  target group names); VPC CIDRs do not overlap, and each VPC holds the subnet plan of",
  "  `network.subnetPrefixLengths` for its number of AZs; AZs are distinct and belong to the region.",
  "- **Failover**: `failover` is required with two or more regions, needs one region with role",
  "  `secondary` and allows only one; the failover budget (interval x threshold, plus the checker",
  "  timeout and the DNS TTL) must fit `rtoSeconds`; production must detect an outage within 30 s",
  "  (`requestIntervalSeconds` x `failureThreshold`).",
  "- **Ingress**: `targetHealthCheck.timeoutSeconds` is shorter than `intervalSeconds`.",
  "- **App**: `replicas.min` <= `replicas.max`; each resource request <= its limit; production",
  "  refuses the image tag `latest`.",
  "- **EKS**: node group sizes satisfy `minSize <= desiredSize <= maxSize`; instance types match",
  "  the architecture of `amiType` (which defaults to `AL2023_x86_64_STANDARD`; `maxUnavailablePercentage`",
  "  defaults to 33, both applied by the EKS module); label keys follow Kubernetes, at most 63",
  "  characters; kube-proxy is a build of the cluster's minor version, and so is the",
  "  cluster-autoscaler image tag; the load balancer controller chart's minor matches the IAM",
  "  policy version the cluster grants; production refuses `0.0.0.0/0` in `publicAccessCidrs`.",
  "- **Database and cache**: backup or snapshot windows do not overlap the maintenance window;",
  "  the cache engine is at least Valkey 7.2 or Redis OSS 7.0; Multi-AZ needs at least 2 cache",
  "  nodes; with `global-database` the instance class is memory-optimized (db.r5 or newer, db.x2),",
  "  and with `global-datastore` the node type is M5, M6g, M7g, M8g, R5, R6g, R6gd, R7g, R8g, C7gn",
  "  or C8gn, large or bigger.",
  "- **Replication strategies**: `database.replication` and `cache.replication`, when left out,",
  "  resolve to the best strategy every configured region offers (`src/config/region-capabilities.ts`,",
  "  plus each region's `assertedCapabilities`); a strategy a region lacks is refused, naming the",
  "  region, the feature and the AWS page.",
];

/** The whole of docs/configuration.md. */
export function renderConfigurationDoc(): string {
  const jsonSchema = z.toJSONSchema(environmentSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const docs = readSchemaDocs();
  const messages = collectCheckMessages(environmentSchema as unknown as ZodNode);
  const longLists = new Map<string, LongList>();

  const topNames = Object.keys(jsonSchema.properties ?? {});
  const topLevel: FieldRow[] = [];
  const sections: { name: string; description: string; rows: FieldRow[] }[] = [];
  for (const name of topNames) {
    const node = (jsonSchema.properties ?? {})[name];
    const isRequired = (jsonSchema.required ?? []).includes(name);
    let required = isRequired ? "required" : "optional";
    const documented = documentedDefault(docs, name, topNames);
    if (node.default !== undefined) required = `optional, default ${code(node.default)}`;
    else if (!isRequired && documented !== undefined) required = `optional, default: ${documented}`;
    const description = describe(docs, name, topNames);
    const rows: FieldRow[] = [];
    collectRows(node, name, required, description, docs, messages, longLists, rows);
    if (rows.length === 1) topLevel.push(rows[0]);
    else sections.push({ name, description, rows });
  }

  const header = ["Field", "Type", "Required", "Rules", "Description"];
  const toCells = (row: FieldRow) => [
    code(row.path),
    row.type,
    row.required,
    row.rules.join("; "),
    sentence(row.description),
  ];
  const out: string[] = [...INTRO, "", "## Contents", ""];
  out.push("- [Top-level fields](#top-level-fields)");
  for (const section of sections) out.push(`- [\`${section.name}\`](#${section.name.toLowerCase()})`);
  out.push("- [Long value lists](#long-value-lists)", "");

  out.push("## Top-level fields", "", ...table(header, topLevel.map(toCells)), "");
  for (const section of sections) {
    out.push(`## \`${section.name}\``, "");
    if (section.description !== "") out.push(sentence(section.description), "");
    out.push(...table(header, section.rows.map(toCells)), "");
  }
  out.push("## Long value lists", "");
  for (const list of longLists.values()) {
    out.push(`- ${list.paths.map(code).join(", ")}: ${list.values.map(code).join(", ")}`);
  }
  return `${out.join("\n").trimEnd()}\n`;
}
