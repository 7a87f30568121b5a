import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { environments } from "../../environments";
import { ConfigError } from "../../src/config/errors";
import { DEFAULT_ENVIRONMENT, loadEnvironmentConfig, loadEnvironmentConfigOrReport } from "../../src/config/load";

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "genai-config-")), name);
  writeFileSync(path, content);
  return path;
}

function loadError(env: NodeJS.ProcessEnv): string {
  try {
    loadEnvironmentConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected loading to fail");
}

describe("loadEnvironmentConfig", () => {
  it("defaults to production", () => {
    expect(DEFAULT_ENVIRONMENT).toBe("production");
    const { config, source } = loadEnvironmentConfig({});
    expect(config.name).toBe("production");
    expect(source).toBe("GENAI_ENV=production");
  });

  it.each(["staging", "development"])("selects %s through GENAI_ENV", (name) => {
    expect(loadEnvironmentConfig({ GENAI_ENV: name }).config.name).toBe(name);
  });

  it("names the known environments when GENAI_ENV is unknown", () => {
    expect(loadError({ GENAI_ENV: "prod" })).toContain(
      'GENAI_ENV=prod = "prod": must name one of environments/: production, staging, development',
    );
  });

  it("reads GENAI_CONFIG, which wins over GENAI_ENV", () => {
    const file = tempFile("production.json", JSON.stringify(environments.production));
    const loaded = loadEnvironmentConfig({ GENAI_CONFIG: file, GENAI_ENV: "development" });
    expect(loaded.config).toEqual(loadEnvironmentConfig({ GENAI_ENV: "production" }).config);
    expect(loaded.source).toBe(`GENAI_CONFIG=${file}`);
  });

  it("names the file, field, value and rule for an invalid GENAI_CONFIG", () => {
    const broken = { ...environments.production, costCenter: "" };
    const file = tempFile("broken.json", JSON.stringify(broken));
    expect(loadError({ GENAI_CONFIG: file })).toContain(`GENAI_CONFIG=${file}: costCenter = "": must not be empty`);
  });

  it("reports an unreadable GENAI_CONFIG file", () => {
    const missing = join(tmpdir(), "does-not-exist", "config.json");
    expect(loadError({ GENAI_CONFIG: missing })).toMatch(
      new RegExp(`GENAI_CONFIG=${missing} = "${missing}": must be a readable file \\(ENOENT`),
    );
  });

  it("reports a GENAI_CONFIG file that is not JSON", () => {
    const file = tempFile("config.json", "name: production\n");
    expect(loadError({ GENAI_CONFIG: file })).toMatch(/GENAI_CONFIG=.*config\.json = ".*": must hold valid JSON \(/);
  });
});

describe("loadEnvironmentConfigOrReport", () => {
  it("prints a configuration problem and answers undefined instead of throwing", () => {
    const printed: string[] = [];
    const loaded = loadEnvironmentConfigOrReport(
      { GENAI_ENV: "nope" },
      { error: (line: string) => printed.push(line) },
    );
    expect(loaded).toBeUndefined();
    expect(printed.join("\n")).toContain('GENAI_ENV=nope = "nope": must name one of environments/');
  });

  it("answers the loaded configuration when it is valid", () => {
    expect(loadEnvironmentConfigOrReport({ GENAI_ENV: "development" })?.config.name).toBe("development");
  });
});
