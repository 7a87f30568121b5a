/**
 * `npm run hcl:shapes`: regenerates tools/hcl/provider-shapes.json from the real providers'
 * schemas (tools/hcl/regenerate-shapes.ts). Run it after adding a resource type.
 */
import { regenerateShapes } from "../tools/hcl/regenerate-shapes";

console.log(`wrote ${regenerateShapes()}`);
