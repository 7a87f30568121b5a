import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/errors";
import { pinnedTerraformVersion } from "../src/terraform-version";

function versionFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "genai-tf-version-")), ".terraform-version");
  writeFileSync(file, content);
  return file;
}

describe("pinnedTerraformVersion", () => {
  it("reads the repository's pin, an exact version of at least 1.11", () => {
    expect(pinnedTerraformVersion()).toMatch(/^1\.(1[1-9]|[2-9]\d)\.\d+$/);
    expect(pinnedTerraformVersion(versionFile("1.11.4\n"))).toBe("1.11.4");
    expect(pinnedTerraformVersion(versionFile("2.0.0"))).toBe("2.0.0");
  });

  it.each(["1.10.5", "1.9.0", "latest", "~> 1.11", "1.11"])("refuses %s with the file, value and rule", (version) => {
    const file = versionFile(version);
    expect(() => pinnedTerraformVersion(file)).toThrow(ConfigError);
    expect(() => pinnedTerraformVersion(file)).toThrow(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} = "${version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}": must be an exact Terraform version \\(x\\.y\\.z\\) of at least 1\\.11`,
      ),
    );
  });
});
