/**
 * `npm run audit`: synthesizes every environment (or the one GENAI_ENV / GENAI_CONFIG selects)
 * and writes a Markdown report per stack, plus an index, into audit-report/ (not committed).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { environments } from "../../environments";
import { synthesize } from "../../src/synth";
import { checkovSkips } from "./checkov-skips";
import { indexReport, stackReport, type StackDocument } from "./report";

const repo = resolve(__dirname, "../..");
export const AUDIT_REPORT_DIR = join(repo, "audit-report");

/** Writes the reports into `outputDir`; returns the exit code. */
export function writeAuditReport(env: NodeJS.ProcessEnv = process.env, outputDir = AUDIT_REPORT_DIR): number {
  const selected = env.GENAI_CONFIG || env.GENAI_ENV;
  const targets = selected
    ? [{ name: env.GENAI_ENV || "config", env }]
    : Object.keys(environments).map((name) => ({ name, env: { ...env, GENAI_ENV: name } }));
  const skips = checkovSkips(readFileSync(join(repo, ".checkov.yaml"), "utf8"));
  rmSync(outputDir, { recursive: true, force: true });
  const entries: { environment: string; stack: string; file: string; resources: number }[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "genai-audit-"));
  try {
    for (const target of targets) {
      const outdir = join(scratch, target.name);
      const result = synthesize({ ...target.env, CDKTF_OUTDIR: outdir });
      if (result.exitCode !== 0) return result.exitCode;
      mkdirSync(join(outputDir, target.name), { recursive: true });
      for (const stack of readdirSync(join(outdir, "stacks")).sort()) {
        const document = JSON.parse(
          readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"),
        ) as StackDocument;
        const file = `${target.name}/${stack}.md`;
        writeFileSync(
          join(outputDir, file),
          stackReport(`${target.name} / ${stack}`, document, skips, { reportDate: env.AUDIT_DATE }),
        );
        const resources = Object.values(document.resource ?? {}).reduce(
          (sum, blocks) => sum + Object.keys(blocks).length,
          0,
        );
        entries.push({ environment: target.name, stack, file, resources });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(join(outputDir, "README.md"), indexReport(entries));
  console.log(`audit: ${entries.length} stack reports in ${outputDir}/ (index: README.md)`);
  return 0;
}
