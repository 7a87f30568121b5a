/**
 * `npm run validate`: checks the synthesized stacks of every environment with the real tools
 * (terraform validate on the JSON and its HCL rendering, checkov, the Helm charts), offline, and
 * proves each check is live with a self-test. The steps are in tools/validate/main.ts.
 */
import { main } from "../tools/validate/main";

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
