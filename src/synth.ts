import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { App } from "cdktf";
import { buildPlatform } from "./app";
import { PolicyViolationError } from "./aspects/policy";
import { ConfigError } from "./config/errors";
import { loadEnvironmentConfig } from "./config/load";
import { stateLocationWarnings } from "./state-backend";

/** Where cdktf expects the output when none is given (`cdktf synth` passes `CDKTF_OUTDIR`). */
const DEFAULT_OUTDIR = "cdktf.out";

export interface SynthResult {
  readonly exitCode: number;
  readonly stackIds: string[];
}

/**
 * The app's entry point: validate the configuration, build every stack, and write them to the
 * output directory only if all of them synthesized. Configuration problems are printed to
 * stderr and give exit code 1; the previous output, if any, is left untouched.
 */
export function synthesize(
  env: NodeJS.ProcessEnv = process.env,
  log: Pick<Console, "error" | "warn"> = console,
): SynthResult {
  let loaded;
  try {
    loaded = loadEnvironmentConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.error(error.message);
    return { exitCode: 1, stackIds: [] };
  }
  for (const warning of stateLocationWarnings(loaded.config)) log.warn(`Warning: ${warning}`);

  const outdir = resolve(env.CDKTF_OUTDIR ?? DEFAULT_OUTDIR);
  try {
    const stackIds = writeAtomically(outdir, (stagingDir) => {
      const app = new App({ outdir: stagingDir });
      const platform = buildPlatform(app, loaded.config);
      app.synth();
      const stacks = [
        platform.global,
        ...platform.regions,
        ...platform.replication,
        ...(platform.terraformCloud ? [platform.terraformCloud] : []),
      ];
      return stacks.map((stack) => stack.node.id);
    });
    return { exitCode: 0, stackIds };
  } catch (error) {
    if (!(error instanceof PolicyViolationError) && !(error instanceof ConfigError)) throw error;
    log.error(error.message);
    return { exitCode: 1, stackIds: [] };
  }
}

/**
 * Runs `write` against a fresh sibling directory and swaps it into place only when `write`
 * returns, so a failure half-way (an aspect rejecting a stack) leaves no partial output.
 */
function writeAtomically<T>(outdir: string, write: (stagingDir: string) => T): T {
  const parent = dirname(outdir);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(outdir)}.staging-`));
  try {
    const result = write(staging);
    const previous = `${staging}.previous`;
    if (existsSync(outdir)) renameSync(outdir, previous);
    renameSync(staging, outdir);
    rmSync(previous, { recursive: true, force: true });
    return result;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
