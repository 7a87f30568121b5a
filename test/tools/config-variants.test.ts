import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { environments } from "../../environments";
import { parseEnvironmentConfig } from "../../src/config/load";
import { CONFIG_VARIANTS, synthesisTargets } from "../../tools/config-variants";

describe("CONFIG_VARIANTS", () => {
  it("has a valid Terraform Cloud variant of production", () => {
    const cloud = parseEnvironmentConfig(CONFIG_VARIANTS.cloud, "cloud variant");
    expect(cloud.name).toBe("production");
    expect(cloud.state).toMatchObject({ backend: "cloud", organization: "genai-demo-validate" });
  });
});

describe("synthesisTargets", () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("selects each environment by GENAI_ENV, then each variant by a GENAI_CONFIG file it writes", () => {
    dir = mkdtempSync(join(tmpdir(), "variants-"));
    const targets = synthesisTargets(join(dir, "config"));
    expect(targets.map((target) => target.group)).toEqual([...Object.keys(environments), "cloud"]);
    expect(targets[0]!.env).toEqual({ GENAI_ENV: Object.keys(environments)[0], GENAI_CONFIG: "" });
    const cloud = targets.at(-1)!.env;
    expect(cloud.GENAI_ENV).toBe("");
    expect(existsSync(cloud.GENAI_CONFIG)).toBe(true);
    expect(JSON.parse(readFileSync(cloud.GENAI_CONFIG, "utf8"))).toEqual(
      JSON.parse(JSON.stringify(CONFIG_VARIANTS.cloud)),
    );
  });
});
