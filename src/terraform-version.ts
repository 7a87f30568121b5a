import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "./config/errors";

/** Where the Terraform version this project runs with is pinned (tfenv and CI read it too). */
export const TERRAFORM_VERSION_FILE = resolve(__dirname, "../.terraform-version");
/** Ephemeral resources and write-only arguments, which the stacks use, arrived in Terraform 1.11. */
export const MINIMUM_TERRAFORM_VERSION = [1, 11] as const;

/** The pinned Terraform version, refused unless it is an exact x.y.z of at least 1.11. */
export function pinnedTerraformVersion(file = TERRAFORM_VERSION_FILE): string {
  const version = readFileSync(file, "utf8").trim();
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  const [major, minor] = MINIMUM_TERRAFORM_VERSION;
  const atLeast =
    match !== null && (Number(match[1]) > major || (Number(match[1]) === major && Number(match[2]) >= minor));
  if (!atLeast) {
    throw new ConfigError([
      {
        source: file,
        path: "",
        value: version,
        rule:
          `must be an exact Terraform version (x.y.z) of at least ${major}.${minor} ` +
          "(the stacks use ephemeral resources and write-only arguments)",
      },
    ]);
  }
  return version;
}
