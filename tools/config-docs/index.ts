/**
 * `npm run docs:config`: writes docs/configuration.md from the configuration schema, or with
 * `--check` only compares (exit 1 when the file is missing or differs).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import * as prettier from "prettier";
import { CONFIGURATION_DOC_PATH, REPOSITORY_ROOT, renderConfigurationDoc } from "./generate";

export { CONFIGURATION_DOC_PATH, renderConfigurationDoc } from "./generate";

/**
 * The rendered document as prettier leaves it (the repository's `npm run lint` checks Markdown
 * too), so writing it and linting it never disagree.
 */
export async function formattedConfigurationDoc(): Promise<string> {
  const options = (await prettier.resolveConfig(CONFIGURATION_DOC_PATH)) ?? {};
  return prettier.format(renderConfigurationDoc(), { ...options, parser: "markdown" });
}

/** Writes the document, or with `check` compares it; returns the process exit code. */
export async function configDocs(args: readonly string[]): Promise<number> {
  const check = args.includes("--check");
  const expected = await formattedConfigurationDoc();
  const shown = relative(REPOSITORY_ROOT, CONFIGURATION_DOC_PATH);
  if (check) {
    const actual = existsSync(CONFIGURATION_DOC_PATH) ? readFileSync(CONFIGURATION_DOC_PATH, "utf8") : undefined;
    if (actual === expected) {
      console.log(`${shown} is up to date.`);
      return 0;
    }
    console.error(
      actual === undefined
        ? `${shown} is missing: run npm run docs:config`
        : `${shown} is out of date with src/config/schema/: run npm run docs:config`,
    );
    return 1;
  }
  writeFileSync(CONFIGURATION_DOC_PATH, expected);
  console.log(`wrote ${shown}`);
  return 0;
}
