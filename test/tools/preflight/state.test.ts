import { describe, expect, it } from "vitest";
import type { TerraformCloudReads } from "../../../tools/preflight/clients";
import { stateBackend } from "../../../tools/preflight/state";
import type { EnvironmentConfig } from "../../../src/config/schema";
import { production, wellKeptAccount } from "./config";
import { fakeClients } from "./fake-clients";

const config = production();
const BUCKET = "genai-demo-terraform-state";
const summary = (rows: { check: string; region: string; outcome: string; result: string }[]) =>
  rows.map((row) => `${row.check} [${row.region}]: ${row.outcome} ${row.result}`);

describe("stateBackend (s3)", () => {
  it("passes a bucket in the configured region with versioning and default encryption", async () => {
    const rows = await stateBackend(config, fakeClients(wellKeptAccount(config)));
    expect(summary(rows)).toEqual([
      `state bucket ${BUCKET} [ap-southeast-1]: PASS exists`,
      "state bucket versioning [ap-southeast-1]: PASS Enabled",
      "state bucket encryption [ap-southeast-1]: PASS default encryption aws:kms",
    ]);
  });

  it("fails a missing bucket with the bootstrap command, and checks nothing else", async () => {
    const rows = await stateBackend(config, fakeClients(wellKeptAccount(config, { buckets: {} })));
    expect(summary(rows)).toEqual([`state bucket ${BUCKET} [ap-southeast-1]: FAIL does not exist`]);
    expect(rows[0]!.fix).toContain(`scripts/bootstrap-state-bucket.sh ${BUCKET} ap-southeast-1`);
  });

  it("fails a bucket owned elsewhere, or in another region", async () => {
    const forbidden = await stateBackend(
      config,
      fakeClients(wellKeptAccount(config, { buckets: { [BUCKET]: "forbidden" } })),
    );
    expect(summary(forbidden)).toEqual([
      `state bucket ${BUCKET} [ap-southeast-1]: FAIL exists, but this identity may not read it (403)`,
    ]);
    const elsewhere = { [BUCKET]: { region: "eu-west-1", versioning: "Enabled", encryption: ["AES256"] } };
    const moved = await stateBackend(config, fakeClients(wellKeptAccount(config, { buckets: elsewhere })));
    expect(moved[0]).toMatchObject({ outcome: "FAIL", result: "is in eu-west-1" });
    expect(moved[0]!.fix).toContain("set state.region to eu-west-1");
  });

  it("fails a bucket without versioning (never enabled or suspended) or default encryption", async () => {
    const neverVersioned = { [BUCKET]: { region: "ap-southeast-1", encryption: [] } };
    const rows = await stateBackend(config, fakeClients(wellKeptAccount(config, { buckets: neverVersioned })));
    expect(summary(rows).slice(1)).toEqual([
      "state bucket versioning [ap-southeast-1]: FAIL never enabled",
      "state bucket encryption [ap-southeast-1]: FAIL no default encryption",
    ]);
    expect(rows[1]!.fix).toContain(
      `put-bucket-versioning --bucket ${BUCKET} --versioning-configuration Status=Enabled`,
    );
    const suspended = { [BUCKET]: { region: "ap-southeast-1", versioning: "Suspended", encryption: ["AES256"] } };
    const [, versioning] = await stateBackend(config, fakeClients(wellKeptAccount(config, { buckets: suspended })));
    expect(versioning).toMatchObject({ outcome: "FAIL", result: "Suspended" });
  });
});

describe("stateBackend (cloud)", () => {
  const cloud = (
    extra: Partial<Extract<EnvironmentConfig["state"], { backend: "cloud" }>> = {},
  ): EnvironmentConfig => ({
    ...config,
    state: {
      backend: "cloud",
      organization: "acme",
      workspacePrefix: "genai",
      executionMode: "remote",
      healthAssessments: false,
      ...extra,
    },
  });
  const api = (known: string[]): TerraformCloudReads => ({
    organization: async (organization) => known.includes(`org:${organization}`),
    project: async (_organization, project) => known.includes(`project:${project}`),
    workspace: async (_organization, workspace) => known.includes(`workspace:${workspace}`),
  });

  it("skips with the token variable to set when there is no token for the host", async () => {
    const rows = await stateBackend(cloud({ hostname: "tfe.example-corp.com" }), fakeClients(wellKeptAccount(config)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "SKIP", region: "global" });
    expect(rows[0]!.result).toBe("not checked: TF_TOKEN_tfe_example__corp_com is not set");
  });

  it("checks the organization, the project, the bootstrap workspace and each stack's workspace", async () => {
    const known = [
      "org:acme",
      "project:platform",
      "workspace:genai-terraform-cloud",
      "workspace:genai-global",
      "workspace:genai-taipei",
    ];
    const clients = fakeClients(wellKeptAccount(config, { terraformCloud: { "app.terraform.io": api(known) } }));
    const rows = await stateBackend(cloud({ project: "platform" }), clients);
    expect(summary(rows)).toEqual([
      "Terraform Cloud organization acme [global]: PASS reachable",
      "Terraform Cloud project platform [global]: PASS exists",
      "Terraform Cloud workspace genai-terraform-cloud [global]: PASS exists (its execution mode must be Local)",
      "Terraform Cloud workspace genai-global [global]: PASS exists",
      "Terraform Cloud workspace genai-taipei [global]: PASS exists",
      "Terraform Cloud workspace genai-tokyo [global]: PASS absent: the terraform-cloud stack creates it",
    ]);
  });

  it("fails an organization the token cannot see, and a missing bootstrap workspace", async () => {
    const clients = fakeClients(wellKeptAccount(config, { terraformCloud: { "app.terraform.io": api(["org:acme"]) } }));
    const rows = await stateBackend(cloud({ project: "platform" }), clients);
    expect(rows[1]).toMatchObject({ outcome: "PASS", result: "absent: the terraform-cloud stack creates it" });
    expect(rows[2]).toMatchObject({
      outcome: "FAIL",
      check: "Terraform Cloud workspace genai-terraform-cloud",
      fix: expect.stringContaining("execution mode Local"),
    });
    const none = fakeClients(wellKeptAccount(config, { terraformCloud: { "app.terraform.io": api([]) } }));
    expect(summary(await stateBackend(cloud(), none))).toEqual([
      "Terraform Cloud organization acme [global]: FAIL not found, or the token may not see it",
    ]);
  });
});
