/**
 * What the emulator cannot create, and what is therefore left out: the excluded types below
 * (each with its reason), plus every resource that depends on one of them, directly or not. The
 * rest is applied with one `-target` per resource.
 */
import type { StackDocument } from "./overrides";

type Block = Record<string, unknown>;

/**
 * Resource types the emulators cannot create, or cannot read back as created, each with why. Empty
 * today: every type the stacks use is applied (Helm releases and Kubernetes objects on the
 * region's emulated Kubernetes API, kube.ts). A type added here must name what no patch can fix.
 */
export const EXCLUDED_TYPES: Readonly<Record<string, string>> = {};

/** `type.name` or `data.type.name` of every resource and data source, with its body. */
function blocks(document: StackDocument): Map<string, Block> {
  const all = new Map<string, Block>();
  for (const [type, named] of Object.entries(document.resource ?? {})) {
    for (const [name, block] of Object.entries(named)) all.set(`${type}.${name}`, block);
  }
  for (const [type, named] of Object.entries(document.data ?? {})) {
    for (const [name, block] of Object.entries(named)) all.set(`data.${type}.${name}`, block);
  }
  return all;
}

const REFERENCE = /\b(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)/g;

/** The blocks a block refers to, through expressions or `depends_on`. */
function referencesOf(block: Block, known: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const text = JSON.stringify({ ...block, "//": undefined });
  for (const match of text.matchAll(REFERENCE)) {
    const address = `${match[1] ?? ""}${match[2]}.${match[3]}`;
    if (known.has(address)) found.add(address);
  }
  return found;
}

export interface Targeting {
  /** Resource addresses to apply. */
  readonly targets: string[];
  /** Excluded resource addresses, each with why. */
  readonly excluded: Map<string, string>;
}

/** Splits a stack's resources into those to apply and those left out (with the reason). */
export function targeting(document: StackDocument, excludedTypes = EXCLUDED_TYPES): Targeting {
  const all = blocks(document);
  const known = new Set(all.keys());
  const references = new Map([...all].map(([address, block]) => [address, referencesOf(block, known)]));
  const excluded = new Map<string, string>();
  for (const address of known) {
    const type = address.startsWith("data.") ? undefined : address.split(".")[0]!;
    if (type !== undefined && excludedTypes[type] !== undefined) excluded.set(address, excludedTypes[type]!);
  }
  // Anything that needs an excluded block cannot be created either.
  for (let changed = true; changed;) {
    changed = false;
    for (const [address, refs] of references) {
      if (excluded.has(address)) continue;
      const blocker = [...refs].find((ref) => excluded.has(ref));
      if (blocker !== undefined) {
        excluded.set(address, `depends on ${blocker}`);
        changed = true;
      }
    }
  }
  const targets = [...known].filter((address) => !address.startsWith("data.") && !excluded.has(address));
  const excludedResources = new Map([...excluded].filter(([address]) => !address.startsWith("data.")));
  return { targets, excluded: excludedResources };
}
