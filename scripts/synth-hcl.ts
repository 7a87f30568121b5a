/**
 * `npm run synth:hcl`: the selected environment's stacks as formatted HCL in
 * cdktf.out/hcl/<stack>/main.tf (tools/hcl/synth-hcl.ts).
 */
import { synthHcl } from "../tools/hcl/synth-hcl";

process.exitCode = synthHcl();
