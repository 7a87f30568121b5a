import { CloudBackend, NamedCloudWorkspace, S3Backend, type TerraformStack } from "cdktf";
import type { EnvironmentConfig, StateConfig } from "./config/schema";

/** Identifies one stack's state within the project. */
export interface StateLocation {
  readonly project: string;
  readonly environment: string;
  readonly stackId: string;
}

/** `<keyPrefix><project>/<env>/<stack>.tfstate`: one object per stack, never shared. */
export function stateKey(keyPrefix: string, { project, environment, stackId }: StateLocation): string {
  return `${keyPrefix}${project}/${environment}/${stackId}.tfstate`;
}

/** Terraform Cloud workspace holding one stack's state. */
export function cloudWorkspaceName(workspacePrefix: string, stackId: string): string {
  return `${workspacePrefix}-${stackId}`;
}

/**
 * Points `stack` at its remote state: S3 (encrypted, locked with an S3 lockfile) or a named
 * Terraform Cloud workspace, as the environment's `state.backend` says.
 */
export function configureStateBackend(stack: TerraformStack, state: StateConfig, location: StateLocation): void {
  if (state.backend === "cloud") {
    new CloudBackend(stack, {
      organization: state.organization,
      hostname: state.hostname,
      workspaces: new NamedCloudWorkspace(cloudWorkspaceName(state.workspacePrefix, location.stackId), state.project),
    });
    return;
  }
  const backend = new S3Backend(stack, {
    bucket: state.bucket,
    region: state.region,
    key: stateKey(state.keyPrefix, location),
    encrypt: true,
    kmsKeyId: state.kmsKeyId,
    dynamodbTable: state.dynamodbTable,
  });
  // S3-native locking (Terraform >= 1.10); cdktf 0.21's S3Backend has no typed option for it.
  backend.addOverride("use_lockfile", true);
}

/**
 * Warnings about where state lives. State in a serving region ties the stacks together: when
 * that region is down, no other region's stack can be planned to take over.
 */
export function stateLocationWarnings(config: EnvironmentConfig): string[] {
  if (config.state.backend !== "s3") return [];
  const { bucket, region: stateRegion } = config.state;
  return config.regions
    .filter((region) => region.awsRegion === stateRegion)
    .map(
      (region) =>
        `Terraform state bucket ${bucket} is in ${stateRegion}, ` +
        `which serves the "${region.key}" stack: an outage of ${stateRegion} would also block planning and ` +
        `deploying the other regions' stacks. Put state.region outside the serving regions.`,
    );
}
