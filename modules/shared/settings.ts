import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import type { Construct } from "constructs";

/**
 * Publishes non-secret connection settings for the app as SSM String parameters under `path`
 * (e.g. `/genai-demo/production/taipei/database`), one per key: the app reads the path, not
 * Terraform outputs. Values must not be secrets; secrets stay in Secrets Manager and only
 * their ARNs are published here.
 */
export function publishSettings(
  scope: Construct,
  path: string,
  settings: Record<string, string>,
  description: string,
): SsmParameter[] {
  return Object.entries(settings).map(
    ([key, value]) =>
      new SsmParameter(scope, `setting-${key}`, {
        name: `${path}/${key}`,
        type: "String",
        value,
        description: `${description}: ${key}`,
      }),
  );
}
