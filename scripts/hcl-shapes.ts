/**
 * `npm run hcl:shapes`: regenerates tools/hcl/provider-shapes.json from the real providers'
 * schemas (tools/hcl/regenerate-shapes.ts). Run it after adding a resource type.
 */
import { regenerateShapes } from "../tools/hcl/regenerate-shapes";
import { loadTools } from "../tools/tools-cache";

console.log(`wrote ${regenerateShapes()}`);
for (const provider of loadTools().unavailableProviders ?? []) {
  console.log(
    `without ${provider.name}: provider ${provider.name} ${provider.version} is not built (${provider.reason}), ` +
      "so the HCL renderer knows none of its types",
  );
}
