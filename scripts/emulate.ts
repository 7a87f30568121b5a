/**
 * `npm run emulate`: applies every stack of every environment (or the one GENAI_ENV/GENAI_CONFIG
 * selects) to an AWS emulator on loopback with the real Terraform and AWS provider, re-plans (it
 * must be empty), destroys, and checks nothing is left; a self-test proves failures are seen.
 * The run is in tools/emulate/main.ts.
 */
import { main } from "../tools/emulate/main";

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
