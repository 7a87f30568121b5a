/**
 * `npm run emulate`: applies every stack of every environment (or the one GENAI_ENV/GENAI_CONFIG
 * selects) to an AWS emulator on loopback with the real Terraform and AWS provider, re-plans (it
 * must be empty), destroys, and checks nothing is left; a self-test proves failures are seen.
 * The run is in tools/emulate/main.ts.
 *
 * `npm run emulate -- --upgrade-from <git revision>`: deploys the environment as that revision
 * wrote it, then this code over it, and fails if anything stateful would be deleted or replaced
 * (tools/emulate/upgrade.ts).
 */
import { main } from "../tools/emulate/main";
import { upgradeCheck } from "../tools/emulate/upgrade";

const USAGE = "usage: npm run emulate [-- --upgrade-from <git revision>]";

function parse(argv: readonly string[]): { upgradeFrom?: string } | undefined {
  if (argv.length === 0) return {};
  if (argv.length === 2 && argv[0] === "--upgrade-from" && argv[1] !== "") return { upgradeFrom: argv[1] };
  return undefined;
}

const options = parse(process.argv.slice(2));
if (options === undefined) {
  console.error(USAGE);
  process.exit(2);
}
(options.upgradeFrom === undefined ? main() : upgradeCheck(options.upgradeFrom)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
