import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import type { Construct } from "constructs";

/**
 * Publishes connection settings for the app as SSM parameters under `path` (e.g.
 * `/genai-demo/production/taipei/database`), one per key: the app reads the path, not Terraform
 * outputs. Values must not be secrets (they are in state); secrets stay in Secrets Manager and
 * only their ARNs are published here. They are SecureStrings all the same, under the store's own
 * key, so endpoints are readable only by those the key admits (the app, through SSM).
 */
export function publishSettings(
  scope: Construct,
  path: string,
  settings: Record<string, string>,
  description: string,
  keyArn: string,
): SsmParameter[] {
  return Object.entries(settings).map(
    ([key, value]) =>
      new SsmParameter(scope, `setting-${key}`, {
        name: `${path}/${key}`,
        type: "SecureString",
        keyId: keyArn,
        value,
        description: `${description}: ${key}`,
      }),
  );
}
