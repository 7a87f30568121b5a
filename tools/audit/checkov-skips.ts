import { isSeq, parseDocument } from "yaml";
import type { CheckovSkip } from "./report";

/** The checks `.checkov.yaml` skips, each with the comment written above it as its reason. */
export function checkovSkips(yamlText: string): CheckovSkip[] {
  const skips = parseDocument(yamlText).get("skip-check");
  if (!isSeq(skips)) return [];
  return skips.items.map((item, i) => {
    const node = item as { value?: unknown; commentBefore?: string | null };
    // The first item's comment is parsed as the list's own.
    const comment = node.commentBefore ?? (i === 0 ? skips.commentBefore : undefined) ?? "";
    const reason = comment
      .split("\n")
      .map((line) => line.trim())
      .join(" ")
      .replace(/^[A-Z0-9_]+:\s*/, "");
    return { id: String(node.value), reason: reason || "(no reason written)" };
  });
}
