import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** CloudWatch refuses an alarm description longer than this (PutMetricAlarm, AlarmDescription). */
export const MAX_ALARM_DESCRIPTION_LENGTH = 1024;
/** How an alarm description ends: `Runbook: docs/<file>.md#<anchor>` (modules/shared/runbook.ts). */
const RUNBOOK_LINK = /Runbook: (docs\/[\w-]+\.md)#([a-z0-9-]+)$/;

/** An alarm as the checks see it: its name and description. */
export interface DescribedAlarm {
  readonly name: string;
  readonly description?: string;
}

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to dashes. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of every heading of a Markdown document. */
export function headingAnchors(markdown: string): Set<string> {
  const headings = markdown.split("\n").filter((line) => /^#{1,6}\s/.test(line));
  return new Set(headings.map((line) => headingAnchor(line.replace(/^#+/, ""))));
}

/** Reads a file of the repository and returns its headings' anchors. */
export function repositoryAnchors(root: string): (file: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (file) => {
    const path = join(root, file);
    if (!cache.has(file)) cache.set(file, existsSync(path) ? headingAnchors(readFileSync(path, "utf8")) : new Set());
    return cache.get(file)!;
  };
}

/** The runbook section an alarm's description links to, if it links to one. */
export function runbookOf(description: string | undefined): { file: string; anchor: string } | undefined {
  const match = RUNBOOK_LINK.exec(description ?? "");
  return match ? { file: match[1]!, anchor: match[2]! } : undefined;
}

/**
 * One line per alarm whose description names no runbook section, names one that does not exist,
 * or is longer than CloudWatch accepts.
 */
export function runbookFindings(alarms: readonly DescribedAlarm[], anchorsOf: (file: string) => Set<string>): string[] {
  return alarms.flatMap((alarm) => {
    const findings: string[] = [];
    const length = alarm.description?.length ?? 0;
    if (length > MAX_ALARM_DESCRIPTION_LENGTH) {
      findings.push(
        `${alarm.name}: description of ${length} characters (CloudWatch takes ${MAX_ALARM_DESCRIPTION_LENGTH})`,
      );
    }
    const runbook = runbookOf(alarm.description);
    if (runbook === undefined) {
      findings.push(`${alarm.name}: description does not end with "Runbook: docs/<file>.md#<section>"`);
    } else if (!anchorsOf(runbook.file).has(runbook.anchor)) {
      findings.push(`${alarm.name}: ${runbook.file} has no section #${runbook.anchor}`);
    }
    return findings;
  });
}
