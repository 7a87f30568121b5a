/**
 * `npm run preflight`: checks, with read-only AWS credentials, what the selected environment
 * (GENAI_ENV / GENAI_CONFIG) assumes about the account and its regions (tools/preflight/main.ts).
 *
 *   npm run preflight                   the table
 *   npm run preflight -- --json         the rows as JSON (what the self-test reads)
 *   npm run preflight -- --self-test    against moto on loopback (tools/preflight/emulated.ts)
 */
import { main } from "../tools/preflight/main";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
