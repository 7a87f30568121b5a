import { synthesize } from "./src/synth";

// Entry point of `cdktf synth` (see cdktf.json). All work happens here, not at import time.
process.exitCode = synthesize().exitCode;
