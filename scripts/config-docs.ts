/**
 * `npm run docs:config`: writes docs/configuration.md from the configuration schema;
 * `npm run docs:config -- --check` exits 1 when the file is out of date (tools/config-docs/).
 */
import { configDocs } from "../tools/config-docs";

configDocs(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
