/**
 * Check group: where state lives. S3 backend: the bucket exists in the configured region, is
 * versioned (state history survives a bad apply) and encrypted by default. Cloud backend: the
 * organization, project and workspaces are reachable with the token Terraform will use, or one
 * SKIP row when no token is set.
 */
import { GLOBAL_STACK_ID, TERRAFORM_CLOUD_STACK_ID, type EnvironmentConfig } from "../../src/config/schema";
import { cloudWorkspaceName } from "../../src/state-backend";
import type { PreflightClients, TerraformCloudReads } from "./clients";
import { type Row, GLOBAL_REGION, fail, guarded, pass, skip } from "./row";
import { DEFAULT_TERRAFORM_CLOUD_HOST, tokenVariable } from "./terraform-cloud";

type S3State = Extract<EnvironmentConfig["state"], { backend: "s3" }>;
type CloudState = Extract<EnvironmentConfig["state"], { backend: "cloud" }>;

const ENABLED = "Enabled";
export const bucketCheck = (bucket: string) => `state bucket ${bucket}`;
export const VERSIONING_CHECK = "state bucket versioning";
export const ENCRYPTION_CHECK = "state bucket encryption";
export const TERRAFORM_CLOUD_CHECK = "Terraform Cloud";

async function s3Rows(state: S3State, clients: PreflightClients): Promise<Row[]> {
  const { bucket, region } = state;
  const check = bucketCheck(bucket);
  const bootstrap = `scripts/bootstrap-state-bucket.sh ${bucket} ${region}`;
  const found = await guarded(check, region, "s3:ListBucket", async () => {
    const lookup = await clients.s3.bucket(region, bucket);
    if (!lookup.found && lookup.reason === "missing")
      return fail(check, region, "does not exist", `create it (versioned, encrypted): ${bootstrap}`);
    if (!lookup.found)
      return fail(
        check,
        region,
        "exists, but this identity may not read it (403)",
        "grant s3:ListBucket on it, or choose another state.bucket: bucket names are global and another account may own this one",
      );
    if (lookup.region !== undefined && lookup.region !== region)
      return fail(check, region, `is in ${lookup.region}`, `set state.region to ${lookup.region}, or move the state`);
    return pass(check, region, "exists");
  });
  // Versioning and encryption mean nothing for a bucket that is not there (or not readable).
  if (found.some((row) => row.outcome !== "PASS")) return found;
  const details = await Promise.all([
    guarded(VERSIONING_CHECK, region, "s3:GetBucketVersioning", async () => {
      const status = await clients.s3.versioning(region, bucket);
      return status === ENABLED
        ? pass(VERSIONING_CHECK, region, ENABLED)
        : fail(
            VERSIONING_CHECK,
            region,
            status ?? "never enabled",
            `aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled --region ${region}`,
          );
    }),
    guarded(ENCRYPTION_CHECK, region, "s3:GetEncryptionConfiguration", async () => {
      const algorithms = await clients.s3.encryption(region, bucket);
      return algorithms.length > 0
        ? pass(ENCRYPTION_CHECK, region, `default encryption ${algorithms.join(", ")}`)
        : fail(
            ENCRYPTION_CHECK,
            region,
            "no default encryption",
            `aws s3api put-bucket-encryption --bucket ${bucket} --region ${region} --server-side-encryption-configuration ` +
              `'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}' (or re-run ${bootstrap})`,
          );
    }),
  ]);
  return [...found, ...details.flat()];
}

async function cloudRows(config: EnvironmentConfig, state: CloudState, api: TerraformCloudReads): Promise<Row[]> {
  const { organization, project } = state;
  const permission = `read access to organization ${organization} for the token`;
  const orgCheck = `${TERRAFORM_CLOUD_CHECK} organization ${organization}`;
  const orgRows = await guarded(orgCheck, GLOBAL_REGION, permission, async () =>
    (await api.organization(organization))
      ? pass(orgCheck, GLOBAL_REGION, "reachable")
      : fail(
          orgCheck,
          GLOBAL_REGION,
          "not found, or the token may not see it",
          "check state.organization and the token's team",
        ),
  );
  if (orgRows.some((row) => row.outcome !== "PASS")) return orgRows;
  // The terraform-cloud stack creates the project and the stacks' workspaces; only its own
  // workspace, which holds its state, must exist before it runs (docs/operations.md).
  const projectName = project ?? `${config.project}-${config.name}`;
  const projectCheck = `${TERRAFORM_CLOUD_CHECK} project ${projectName}`;
  const projectRows = [
    guarded(projectCheck, GLOBAL_REGION, permission, async () =>
      pass(
        projectCheck,
        GLOBAL_REGION,
        (await api.project(organization, projectName)) ? "exists" : "absent: the terraform-cloud stack creates it",
      ),
    ),
  ];
  const bootstrap = cloudWorkspaceName(state.workspacePrefix, TERRAFORM_CLOUD_STACK_ID);
  const bootstrapCheck = `${TERRAFORM_CLOUD_CHECK} workspace ${bootstrap}`;
  const bootstrapRows = [
    guarded(bootstrapCheck, GLOBAL_REGION, permission, async () =>
      (await api.workspace(organization, bootstrap))
        ? pass(bootstrapCheck, GLOBAL_REGION, "exists (its execution mode must be Local)")
        : fail(
            bootstrapCheck,
            GLOBAL_REGION,
            "absent: the terraform-cloud stack keeps its state there",
            `create workspace ${bootstrap} in ${organization} with execution mode Local (docs/operations.md, "Terraform Cloud")`,
          ),
    ),
  ];
  const stackIds = [GLOBAL_STACK_ID, ...config.regions.map((region) => region.key)];
  const workspaceRows = stackIds.map((stackId) => {
    const name = cloudWorkspaceName(state.workspacePrefix, stackId);
    const check = `${TERRAFORM_CLOUD_CHECK} workspace ${name}`;
    return guarded(check, GLOBAL_REGION, permission, async () =>
      pass(
        check,
        GLOBAL_REGION,
        (await api.workspace(organization, name)) ? "exists" : "absent: the terraform-cloud stack creates it",
      ),
    );
  });
  return [...orgRows, ...(await Promise.all([...projectRows, ...bootstrapRows, ...workspaceRows])).flat()];
}

/** The state backend the config names: S3 bucket or Terraform Cloud. */
export async function stateBackend(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  const { state } = config;
  if (state.backend === "s3") return s3Rows(state, clients);
  const hostname = state.hostname ?? DEFAULT_TERRAFORM_CLOUD_HOST;
  const api = clients.terraformCloud(hostname);
  if (api === undefined)
    return [
      skip(
        `${TERRAFORM_CLOUD_CHECK} organization ${state.organization}`,
        GLOBAL_REGION,
        `not checked: ${tokenVariable(hostname)} is not set`,
        `set ${tokenVariable(hostname)} to a token of ${hostname} (terraform login ${hostname}) to check the organization and workspaces`,
      ),
    ];
  return cloudRows(config, state, api);
}
