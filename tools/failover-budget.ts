/**
 * `npm run failover-budget`: synthesizes the selected environment (GENAI_ENV / GENAI_CONFIG) and
 * prints, per routed name, the designed failover time computed from the synthesized JSON. Exits
 * 1 when any name's total exceeds the environment's RTO, or when failover is not configured.
 * It also prints the database's designed RPO and promotion time for the configured replication
 * strategy; where AWS publishes no bound (restoring a snapshot copy) it says so rather than fail.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentConfigOrReport } from "../src/config/load";
import { GLOBAL_STACK_ID } from "../src/config/schema";
import { dataRecoveryBudget, formatDataBudget } from "../src/failover/data-budget";
import { EDGE_IDEMPOTENT_GOAL_SECONDS, edgeFailoverBudget, formatEdgeBudget } from "../src/failover/edge-budget";
import { replicationLinks } from "../src/replication-links";
import { failoverBudgets, formatBudgetTable, type StackDocument } from "../src/failover/report";
import { GLOBAL_OUTPUTS } from "../src/stacks/global-stack";
import { synthesize } from "../src/synth";

/** Prints the budget of the selected environment; returns the exit code. */
export function failoverBudget(): number {
  const loaded = loadEnvironmentConfigOrReport();
  if (loaded === undefined) return 1;
  const { config, source } = loaded;
  if (config.failover === undefined) {
    console.error(`${source}: no failover configured (a single region serves); nothing to budget.`);
    return 1;
  }
  const outdir = join(mkdtempSync(join(tmpdir(), "genai-failover-")), "cdktf.out");
  try {
    const result = synthesize({ ...process.env, CDKTF_OUTDIR: outdir });
    if (result.exitCode !== 0) return result.exitCode;
    const read = (id: string) =>
      JSON.parse(readFileSync(join(outdir, "stacks", id, "cdk.tf.json"), "utf8")) as StackDocument;
    const rows = failoverBudgets(
      read(GLOBAL_STACK_ID),
      config.regions.map((region) => read(region.key)),
      GLOBAL_OUTPUTS.healthCheckIds,
    );
    const { rtoSeconds } = config.failover;
    console.log(`Failover budget, ${source} (figures from the synthesized stacks)\n`);
    console.log(formatBudgetTable(rows, rtoSeconds));
    const edge = edgeFailoverBudget(read(GLOBAL_STACK_ID));
    let edgeOver = false;
    if (edge !== undefined) {
      const dns = rows.find((row) => row.name === edge.apiOriginName);
      if (dns === undefined) throw new Error(`no failover record for the edge's API origin ${edge.apiOriginName}`);
      console.log(`\nUser-visible failover behind the edge (CloudFront)\n`);
      console.log(formatEdgeBudget(edge, dns.totalSeconds, rtoSeconds));
      edgeOver = edge.idempotentSeconds > EDGE_IDEMPOTENT_GOAL_SECONDS;
    }
    const primary = config.regions.find((region) => region.role === "primary")!;
    console.log(`\nData: the database in a secondary region\n`);
    const links = replicationLinks(config).map((link) => read(link.stackId));
    console.log(formatDataBudget(dataRecoveryBudget(read(primary.key), links), rtoSeconds));
    const over = rows.filter((row) => row.totalSeconds > rtoSeconds);
    if (over.length > 0) {
      console.error(`\n${over.length} name(s) exceed the RTO of ${rtoSeconds} s.`);
      return 1;
    }
    if (edgeOver) {
      console.error(`\nIdempotent requests behind the edge exceed ${EDGE_IDEMPOTENT_GOAL_SECONDS} s.`);
      return 1;
    }
    console.log(`\nEvery routed name fails over within the RTO of ${rtoSeconds} s.`);
    return 0;
  } finally {
    rmSync(join(outdir, ".."), { recursive: true, force: true });
  }
}
