import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadTools, toolsCache, toolsManifest } from "../../tools/tools-cache";

describe("toolsCache", () => {
  it("is GENAI_TOOLS_CACHE when set", () => {
    expect(toolsCache({ GENAI_TOOLS_CACHE: "/opt/tools", XDG_CACHE_HOME: "/xdg", HOME: "/home/me" })).toBe(
      "/opt/tools",
    );
  });

  it("is genai-demo under XDG_CACHE_HOME, else under ~/.cache, as scripts/install-validators.sh puts it", () => {
    expect(toolsCache({ XDG_CACHE_HOME: "/xdg", HOME: "/home/me" })).toBe("/xdg/genai-demo");
    expect(toolsCache({ HOME: "/home/me" })).toBe("/home/me/.cache/genai-demo");
  });

  it("treats empty variables as unset, like the script's ${VAR:-default}", () => {
    expect(toolsCache({ GENAI_TOOLS_CACHE: "", XDG_CACHE_HOME: "", HOME: "/home/me" })).toBe(
      "/home/me/.cache/genai-demo",
    );
  });

  it("names tools.json inside the cache", () => {
    expect(toolsManifest({ GENAI_TOOLS_CACHE: "/opt/tools" })).toBe("/opt/tools/tools.json");
  });
});

describe("loadTools", () => {
  let cache: string;
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), "genai-tools-cache-"));
  });
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  it("reads tools.json from the cache the environment selects", () => {
    const manifest = {
      terraform: { bin: "/cache/bin/tofu-v1.11.0", name: "opentofu 1.11.0" },
      cliConfigFile: "/cache/terraformrc",
      providers: [
        { name: "aws", module: "m", pseudoVersion: "v1.60.1-0", builtVersion: "6.47.10", pinnedVersion: "6.25.0" },
      ],
      checkov: { bin: "/cache/venv/bin/checkov", version: "3.3.30" },
      kubernetesValidate: { bin: "/cache/venv/bin/kubernetes-validate", version: "1.37.0" },
      emulator: { python: "/cache/emulator-venv/bin/python", version: "5.2.5" },
      helm: { bin: "/cache/bin/helm-v3.19.2", version: "3.19.2" },
    };
    writeFileSync(join(cache, "tools.json"), JSON.stringify(manifest));
    expect(loadTools({ GENAI_TOOLS_CACHE: cache })).toEqual(manifest);
  });

  it("says where tools.json was looked for and how to make it when it is missing", () => {
    expect(() => loadTools({ GENAI_TOOLS_CACHE: cache })).toThrow(
      `${join(cache, "tools.json")} not found: run scripts/install-validators.sh (or npm run validate) first`,
    );
  });

  it("says so when tools.json is not JSON", () => {
    writeFileSync(join(cache, "tools.json"), "{ half");
    expect(() => loadTools({ GENAI_TOOLS_CACHE: cache })).toThrow(/tools\.json is not valid JSON/);
  });
});
