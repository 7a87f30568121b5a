import { readFileSync } from "node:fs";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { buildPlatform } from "../../src/app";
import type { EnvironmentConfig, EnvironmentInput } from "../../src/config/schema";
import { TERRAFORM_VERSION_FILE } from "../../src/terraform-version";
import { environmentConfig, osakaInsteadOfTaipei, testApp } from "../helpers";

type Block = Record<string, unknown>;
type Document = { resource?: Record<string, Record<string, Block>>; data?: Record<string, Record<string, Block>> };

const PREFIX = "genai-demo-production";
function withCloudState(input: EnvironmentInput, extra: Record<string, unknown> = {}): void {
  input.state = {
    backend: "cloud",
    organization: "acme",
    workspacePrefix: PREFIX,
    ...extra,
  } as EnvironmentInput["state"];
}

/** Only the terraform-cloud stack, synthesized. */
function synthTerraformCloud(config: EnvironmentConfig): Document {
  const stack = buildPlatform(testApp(), config).terraformCloud;
  if (stack === undefined) throw new Error("no terraform-cloud stack");
  return JSON.parse(Testing.synth(stack)) as Document;
}

/** Every stack of the environment, synthesized, by stack id. */
function synthAll(config: EnvironmentConfig): Record<string, Document> {
  const platform = buildPlatform(testApp(), config);
  const stacks = [platform.global, ...platform.regions, ...(platform.terraformCloud ? [platform.terraformCloud] : [])];
  return Object.fromEntries(stacks.map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack)) as Document]));
}

const blocks = (document: Document | undefined, type: string) => Object.entries(document?.resource?.[type] ?? {});
const workspaceRef = (document: Document, name: string) => {
  const [id] = blocks(document, "tfe_workspace").find(([, block]) => block.name === name)!;
  return `\${tfe_workspace.${id}.id}`;
};

/** Who reads whose state, as the synthesized `terraform_remote_state` blocks say: reader -> source workspace. */
function readsInSynth(stacks: Record<string, Document>): [string, string][] {
  return Object.entries(stacks).flatMap(([stackId, document]) =>
    Object.values(document.data?.terraform_remote_state ?? {}).map(
      (read) => [stackId, ((read.config as Block).workspaces as Block).name as string] as [string, string],
    ),
  );
}

describe("TerraformCloudStack", () => {
  const config = environmentConfig("production", (input) => withCloudState(input));
  const stacks = synthAll(config);
  const tfc = stacks["terraform-cloud"]!;

  it("has a workspace per stack, in the project, on the pinned Terraform version (>= 1.11)", () => {
    const version = readFileSync(TERRAFORM_VERSION_FILE, "utf8").trim();
    const [major, minor] = version.split(".").map(Number);
    expect(major! > 1 || minor! >= 11).toBe(true);
    const workspaces = blocks(tfc, "tfe_workspace").map(([, block]) => block);
    expect(workspaces.map((workspace) => workspace.name).sort()).toEqual(
      [`${PREFIX}-global`, `${PREFIX}-taipei`, `${PREFIX}-tokyo`, `${PREFIX}-replication-tokyo`].sort(),
    );
    const [projectId] = blocks(tfc, "tfe_project").map(([id]) => id);
    for (const workspace of workspaces) {
      expect(workspace).toMatchObject({
        terraform_version: version,
        project_id: `\${tfe_project.${projectId}.id}`,
        force_delete: false,
        lifecycle: { prevent_destroy: true },
      });
    }
  });

  it("shares each workspace's state exactly with the workspaces whose stacks read it", () => {
    const expected = new Map<string, string[]>();
    for (const [reader, sourceWorkspace] of readsInSynth(stacks)) {
      expected.set(sourceWorkspace, [
        ...(expected.get(sourceWorkspace) ?? []),
        workspaceRef(tfc, `${PREFIX}-${reader}`),
      ]);
    }
    expect(expected.size).toBeGreaterThan(0);
    for (const [, settings] of blocks(tfc, "tfe_workspace_settings")) {
      const [name] = blocks(tfc, "tfe_workspace").find(
        ([id]) => settings.workspace_id === `\${tfe_workspace.${id}.id}`,
      )!;
      const workspaceName = tfc.resource!.tfe_workspace![name]!.name as string;
      expect(settings.global_remote_state).toBe(false);
      expect(((settings.remote_state_consumer_ids as string[] | undefined) ?? []).sort()).toEqual(
        (expected.get(workspaceName) ?? []).sort(),
      );
    }
  });

  it("queues every region after global and the replication link after both regions, never the reverse", () => {
    const triggers = blocks(tfc, "tfe_run_trigger").map(([, block]) => [block.sourceable_id, block.workspace_id]);
    const global = workspaceRef(tfc, `${PREFIX}-global`);
    const [taipei, tokyo] = [workspaceRef(tfc, `${PREFIX}-taipei`), workspaceRef(tfc, `${PREFIX}-tokyo`)];
    const link = workspaceRef(tfc, `${PREFIX}-replication-tokyo`);
    expect(triggers.sort()).toEqual(
      [
        [global, taipei],
        [global, tokyo],
        [taipei, link],
        [tokyo, link],
      ].sort(),
    );
  });

  it("keeps auto-apply off in production and runs remotely by default", () => {
    for (const [, settings] of blocks(tfc, "tfe_workspace_settings")) {
      expect(settings).toMatchObject({ auto_apply: false, execution_mode: "remote", assessments_enabled: false });
      expect(settings.agent_pool_id).toBeUndefined();
    }
  });

  it("trusts HCP Terraform's tokens for exactly this organization, project, workspace and run phase", () => {
    const documents = tfc.data!.aws_iam_policy_document!;
    const roles = blocks(tfc, "aws_iam_role").map(([, block]) => block);
    expect(roles).toHaveLength(8);
    for (const role of roles) {
      const [, stackId, phase] = /-tfc-(.+)-(plan|apply)$/.exec(String(role.name))!;
      const trustId = /aws_iam_policy_document\.([^.]+)\.json/.exec(String(role.assume_role_policy))![1]!;
      const [statement] = documents[trustId]!.statement as Block[];
      expect(statement).toMatchObject({
        actions: ["sts:AssumeRoleWithWebIdentity"],
        condition: [
          { test: "StringEquals", variable: "app.terraform.io:aud", values: ["aws.workload.identity"] },
          {
            test: "StringEquals",
            variable: "app.terraform.io:sub",
            values: [`organization:acme:project:${PREFIX}:workspace:${PREFIX}-${stackId}:run_phase:${phase}`],
          },
        ],
      });
      expect(JSON.stringify(statement)).not.toContain("*");
    }
  });

  it("lets plan runs only read, and fences every role into its workspace's regions", () => {
    const attachments = blocks(tfc, "aws_iam_role_policy_attachment").map(([, block]) => String(block.policy_arn));
    expect(attachments.filter((arn) => arn.endsWith(":policy/ReadOnlyAccess"))).toHaveLength(4);
    expect(attachments.filter((arn) => arn.endsWith(":policy/PowerUserAccess"))).toHaveLength(4);
    expect(attachments.some((arn) => arn.endsWith("AdministratorAccess"))).toBe(false);
    const fences = Object.values(tfc.data!.aws_iam_policy_document!)
      .flatMap((document) => (document.statement as Block[]) ?? [])
      .filter((statement) => statement.sid === "OnlyOwnRegions");
    expect(fences).toHaveLength(8);
    const regions = fences.map((fence) => ((fence.condition as Block[])[0]!.values as string[]).join(",")).sort();
    // The replication link works in both its regions: Tokyo (DMS, the requester) and Taipei (the accepter).
    expect(regions).toEqual(
      [
        ...["ap-east-2", "ap-northeast-1", "us-east-1"].flatMap((region) => [region, region]),
        "ap-northeast-1,ap-east-2",
        "ap-northeast-1,ap-east-2",
      ].sort(),
    );
    for (const fence of fences) expect(fence).toMatchObject({ effect: "Deny", resources: ["*"] });
  });

  it("turns on dynamic credentials in every workspace with its own roles", () => {
    const variables = blocks(tfc, "tfe_variable").map(([, block]) => block);
    expect(variables.filter((variable) => variable.key === "TFC_AWS_PROVIDER_AUTH")).toHaveLength(4);
    for (const variable of variables) expect(variable.category).toBe("env");
    expect(variables.filter((variable) => variable.key === "TFC_AWS_APPLY_ROLE_ARN")).toHaveLength(4);
  });

  it("mails failed runs to the alert addresses, found as organization members", () => {
    const members = Object.values(tfc.data?.tfe_organization_membership ?? {}).map((member) => member.email);
    expect(members.sort()).toEqual(
      [...new Set([...config.alerts.criticalEmails, ...config.alerts.warningEmails])].sort(),
    );
    for (const [, notification] of blocks(tfc, "tfe_notification_configuration")) {
      expect(notification).toMatchObject({ destination_type: "email", triggers: ["run:errored"] });
    }
  });
});

describe("TerraformCloudStack variants", () => {
  it("shares the primary's state with a secondary that joins its global datastore", () => {
    const config = environmentConfig("production", (input) => {
      withCloudState(input);
      osakaInsteadOfTaipei(input);
    });
    const stacks = synthAll(config);
    expect(readsInSynth(stacks)).toContainEqual(["tokyo", `${PREFIX}-osaka`]);
    const tfc = stacks["terraform-cloud"]!;
    const osaka = workspaceRef(tfc, `${PREFIX}-osaka`);
    const settings = blocks(tfc, "tfe_workspace_settings").find(([, block]) => block.workspace_id === osaka)![1];
    expect(settings.remote_state_consumer_ids).toEqual([workspaceRef(tfc, `${PREFIX}-tokyo`)]);
  });

  it("runs on the configured agent pool", () => {
    const config = environmentConfig("staging", (input) =>
      withCloudState(input, { executionMode: "agent", agentPoolId: "apool-abc123", healthAssessments: true }),
    );
    const tfc = synthTerraformCloud(config);
    for (const [, settings] of blocks(tfc, "tfe_workspace_settings")) {
      expect(settings).toMatchObject({
        execution_mode: "agent",
        agent_pool_id: "apool-abc123",
        assessments_enabled: true,
        auto_apply: true,
      });
    }
  });

  it("synthesizes none of it with the S3 backend", () => {
    for (const name of ["production", "staging", "development"]) {
      const platform = buildPlatform(testApp(), environmentConfig(name));
      expect(platform.terraformCloud).toBeUndefined();
      const stacks = [platform.global, ...platform.regions];
      expect(stacks.map((stack) => stack.node.id)).not.toContain("terraform-cloud");
      const types = stacks.flatMap((stack) =>
        stack.node
          .findAll()
          .map((construct) => (construct as { terraformResourceType?: string }).terraformResourceType),
      );
      expect(types.filter((type) => type?.startsWith("tfe_") || type === "tfe")).toEqual([]);
      expect(types).toContain("aws_eks_cluster");
    }
  });
});
