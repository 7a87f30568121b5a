import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { environments } from "../../environments";
import { ConfigError, formatPath, valueAt } from "./errors";
import { environmentSchema, type EnvironmentConfig } from "./schema";

/** Environment used when neither `GENAI_CONFIG` nor `GENAI_ENV` is set. */
export const DEFAULT_ENVIRONMENT = "production";

/** A validated configuration and a human-readable note of where it came from. */
export interface LoadedConfig {
  readonly config: EnvironmentConfig;
  readonly source: string;
}

/**
 * Validates raw configuration against {@link environmentSchema}.
 *
 * @param raw the untrusted document (parsed JSON or an `environments/*` object)
 * @param source names the origin in error messages
 * @throws ConfigError listing every broken rule
 */
export function parseEnvironmentConfig(raw: unknown, source: string): EnvironmentConfig {
  const result = environmentSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      source,
      path: formatPath(issue.path),
      value: valueAt(raw, issue.path),
      rule: issue.message,
    })),
  );
}

/**
 * Chooses and validates the configuration named by the process environment:
 * `GENAI_CONFIG` (a JSON file, used by pipelines and Terraform Cloud) wins over `GENAI_ENV`
 * (the name of a file in `environments/`, default {@link DEFAULT_ENVIRONMENT}).
 *
 * @throws ConfigError when the file cannot be read or parsed, the name is unknown, or a rule breaks
 */
export function loadEnvironmentConfig(env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const configFile = env.GENAI_CONFIG;
  if (configFile !== undefined && configFile !== "") {
    const source = `GENAI_CONFIG=${configFile}`;
    return { config: parseEnvironmentConfig(readJsonFile(configFile, source), source), source };
  }

  const name = env.GENAI_ENV === undefined || env.GENAI_ENV === "" ? DEFAULT_ENVIRONMENT : env.GENAI_ENV;
  const source = `GENAI_ENV=${name}`;
  if (!Object.hasOwn(environments, name)) {
    throw new ConfigError([
      {
        source,
        path: "",
        value: name,
        rule: `must name one of environments/: ${Object.keys(environments).join(", ")}`,
      },
    ]);
  }
  return { config: parseEnvironmentConfig(environments[name], `${source} (environments/${name}.ts)`), source };
}

function readJsonFile(path: string, source: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(path), "utf8");
  } catch (error) {
    throw new ConfigError([
      { source, path: "", value: path, rule: `must be a readable file (${(error as Error).message})` },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError([
      { source, path: "", value: path, rule: `must hold valid JSON (${(error as Error).message})` },
    ]);
  }
}

/**
 * {@link loadEnvironmentConfig} for command-line scripts: a configuration problem is printed to
 * `log` and answered with `undefined`, so the script can exit 1 without a stack trace.
 */
export function loadEnvironmentConfigOrReport(
  env: NodeJS.ProcessEnv = process.env,
  log: Pick<Console, "error"> = console,
): LoadedConfig | undefined {
  try {
    return loadEnvironmentConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.error(error.message);
    return undefined;
  }
}
