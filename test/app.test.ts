import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { environments } from "../environments";
import { osakaInsteadOfTaipei } from "./helpers";
import { synthesize } from "../src/synth";
import { REQUIRED_TAG_KEYS } from "../src/tags";

interface Manifest {
  stacks: Record<string, { dependencies: string[]; synthesizedStackPath: string }>;
}
type StackJson = {
  terraform: { backend: { s3: Record<string, unknown> } };
  provider: { aws: Array<{ region: string; default_tags: Array<{ tags: Record<string, string> }> }> };
};

/** Runs the real app synth (as `cdktf synth` does) into a fresh directory. */
function synthInto(env: NodeJS.ProcessEnv) {
  const outdir = join(mkdtempSync(join(tmpdir(), "genai-synth-")), "cdktf.out");
  const messages: string[] = [];
  const log = { error: (m: string) => messages.push(m), warn: (m: string) => messages.push(m) };
  const result = synthesize({ ...env, CDKTF_OUTDIR: outdir }, log);
  return { outdir, result, messages };
}

function readStack(outdir: string, id: string): StackJson {
  return JSON.parse(readFileSync(join(outdir, "stacks", id, "cdk.tf.json"), "utf8")) as StackJson;
}

describe("the app synth (production)", () => {
  let outdir: string;
  let manifest: Manifest;
  beforeAll(() => {
    const run = synthInto({ GENAI_ENV: "production" });
    expect(run.result.exitCode).toBe(0);
    outdir = run.outdir;
    manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as Manifest;
  });

  it("writes exactly the global, taipei, tokyo and replication-tokyo stacks", () => {
    const stacks = ["global", "replication-tokyo", "taipei", "tokyo"];
    expect(Object.keys(manifest.stacks).sort()).toEqual(stacks);
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(stacks);
  });

  it("lets the regional stacks deploy alone (no dependency), and runs the replication link after both regions", () => {
    for (const id of ["global", "taipei", "tokyo"]) expect(manifest.stacks[id]!.dependencies).toEqual([]);
    expect([...manifest.stacks["replication-tokyo"]!.dependencies].sort()).toEqual(["taipei", "tokyo"]);
  });

  it("gives every stack a distinct, encrypted, lockfile-locked S3 state key", () => {
    const ids = ["global", "taipei", "tokyo", "replication-tokyo"];
    const backends = ids.map((id) => readStack(outdir, id).terraform.backend.s3);
    expect(new Set(backends.map((backend) => backend.key)).size).toBe(ids.length);
    for (const backend of backends) expect(backend).toMatchObject({ encrypt: true, use_lockfile: true });
  });

  it("sets the required default_tags on every AWS provider of every stack", () => {
    for (const id of ["global", "taipei", "tokyo", "replication-tokyo"]) {
      for (const provider of readStack(outdir, id).provider.aws) {
        const tags = provider.default_tags[0]!.tags;
        expect(Object.keys(tags).sort()).toEqual([...REQUIRED_TAG_KEYS].sort());
      }
    }
  });

  it("creates missing parent directories of the output directory", () => {
    const nested = join(mkdtempSync(join(tmpdir(), "genai-synth-")), "a", "b", "cdktf.out");
    const result = synthesize(
      { GENAI_ENV: "development", CDKTF_OUTDIR: nested },
      { error: () => undefined, warn: () => undefined },
    );
    expect(result.exitCode).toBe(0);
    expect(readdirSync(join(nested, "stacks")).sort()).toEqual(["global", "taipei"]);
  });

  it("leaves no staging directory behind", () => {
    expect(readdirSync(join(outdir, "..")).filter((name) => name.includes("staging"))).toEqual([]);
  });

  it("synthesizes identical stacks from a GENAI_CONFIG file holding the production values", () => {
    const file = join(mkdtempSync(join(tmpdir(), "genai-config-")), "production.json");
    writeFileSync(file, JSON.stringify(environments.production));
    const fromFile = synthInto({ GENAI_CONFIG: file });
    expect(fromFile.result.exitCode).toBe(0);
    for (const id of ["global", "taipei", "tokyo"]) {
      expect(readStack(fromFile.outdir, id)).toEqual(readStack(outdir, id));
    }
  });
});

describe("the app synth (other environments)", () => {
  it.each([
    ["staging", ["global", "replication-tokyo", "taipei", "tokyo"]],
    ["development", ["global", "taipei"]],
  ])("writes the %s stacks", (name, stacks) => {
    const { outdir, result } = synthInto({ GENAI_ENV: name });
    expect([...result.stackIds].sort()).toEqual(stacks);
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(stacks);
    expect(readStack(outdir, "taipei").terraform.backend.s3.key).toBe(`genai-demo/${name}/taipei.tfstate`);
  });

  it("warns when state is kept in a serving region", () => {
    const config = structuredClone(environments.production) as Record<string, unknown>;
    (config.state as Record<string, unknown>).region = "ap-northeast-1";
    const file = join(mkdtempSync(join(tmpdir(), "genai-config-")), "state-in-tokyo.json");
    writeFileSync(file, JSON.stringify(config));
    const { result, messages } = synthInto({ GENAI_CONFIG: file });
    expect(result.exitCode).toBe(0);
    expect(messages.join("\n")).toMatch(/^Warning: .* is in ap-northeast-1, which serves the "tokyo" stack/m);
  });
});

describe("the app synth where a secondary joins the primary's global datastore", () => {
  it("makes the secondary depend on the primary, so `cdktf deploy osaka tokyo` runs osaka first", () => {
    const config = structuredClone(environments.staging) as { regions: Array<Record<string, unknown>> };
    osakaInsteadOfTaipei(config);
    const file = join(mkdtempSync(join(tmpdir(), "genai-config-")), "osaka.json");
    writeFileSync(file, JSON.stringify(config));
    const { outdir, result } = synthInto({ GENAI_CONFIG: file });
    expect(result.exitCode).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.stacks.tokyo!.dependencies).toEqual(["osaka"]);
    expect(manifest.stacks.osaka!.dependencies).toEqual([]);
    expect(manifest.stacks.global!.dependencies).toEqual([]);
  });
});

describe("the app synth with a bad config", () => {
  it("refuses a global database with Taipei: exit 1, the field, region and feature, nothing written", () => {
    const config = structuredClone(environments.production) as { database: Record<string, unknown> };
    config.database.replication = "global-database";
    const file = join(mkdtempSync(join(tmpdir(), "genai-config-")), "global-database.json");
    writeFileSync(file, JSON.stringify(config));
    const { outdir, result, messages } = synthInto({ GENAI_CONFIG: file });
    expect(result.exitCode).toBe(1);
    expect(messages.join("\n")).toMatch(
      /database\.replication = "global-database": needs Aurora PostgreSQL global databases in every region, and taipei \(ap-east-2\) does not offer it/,
    );
    expect(existsSync(outdir)).toBe(false);
  });

  it("exits 1, names the problem and writes nothing", () => {
    const { outdir, result, messages } = synthInto({ GENAI_ENV: "nope" });
    expect(result.exitCode).toBe(1);
    expect(messages.join("\n")).toContain('GENAI_ENV=nope = "nope": must name one of environments/');
    expect(existsSync(outdir)).toBe(false);
  });

  it("leaves earlier output untouched", () => {
    const good = synthInto({ GENAI_ENV: "development" });
    const before = readFileSync(join(good.outdir, "manifest.json"), "utf8");
    const bad = synthesize(
      { GENAI_CONFIG: "/nonexistent/config.json", CDKTF_OUTDIR: good.outdir },
      { error: () => undefined, warn: () => undefined },
    );
    expect(bad.exitCode).toBe(1);
    expect(readFileSync(join(good.outdir, "manifest.json"), "utf8")).toBe(before);
    expect(readdirSync(join(good.outdir, "stacks")).sort()).toEqual(["global", "taipei"]);
  });

  it("makes main.ts exit non-zero with the message on stderr", () => {
    const file = join(mkdtempSync(join(tmpdir(), "genai-config-")), "bad.json");
    const config = structuredClone(environments.production) as { regions: Array<Record<string, unknown>> };
    const taken = config.regions[0]!.vpcCidr as string;
    config.regions[1]!.vpcCidr = taken;
    writeFileSync(file, JSON.stringify(config));
    const outdir = join(mkdtempSync(join(tmpdir(), "genai-synth-")), "cdktf.out");
    const run = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], {
      env: { ...process.env, GENAI_CONFIG: file, CDKTF_OUTDIR: outdir },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `GENAI_CONFIG=${file}: regions[1].vpcCidr = "${taken}": VPC CIDRs must not overlap between regions`,
    );
    expect(existsSync(outdir)).toBe(false);
    // A child process loading TypeScript: seconds, more on a busy 2-core machine.
  }, 30_000);
});
