import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";

/** The canary script, kept as plain JavaScript next to this module. */
const SCRIPT = join(__dirname, "script", "checks.js");
/** Where Synthetics' Node.js runtimes load a handler from inside the zip. */
export const SCRIPT_PATH_IN_ZIP = "nodejs/node_modules/checks.js";
/** A fixed timestamp, so the same script always makes the same zip (and the same asset hash). */
const FIXED_MTIME = new Date("2000-01-01T00:00:00Z");

let bundled: string | undefined;

/**
 * The script zipped as Synthetics expects, written once per process to a file named by its
 * content hash. Zipped here rather than by a cdktf ARCHIVE asset, which spawns a Node process for
 * every stack that holds one (about 0.3 s each at synth).
 */
export function canaryBundle(): string {
  if (bundled !== undefined) return bundled;
  const zip = zipSync({ [SCRIPT_PATH_IN_ZIP]: [readFileSync(SCRIPT), { mtime: FIXED_MTIME }] });
  const hash = createHash("sha256").update(zip).digest("hex").slice(0, 16);
  const path = join(tmpdir(), `genai-demo-canary-${hash}.zip`);
  if (!existsSync(path)) writeFileSync(path, zip);
  bundled = path;
  return path;
}
