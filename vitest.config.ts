import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // cdktf's Testing.setupJest() registers its matchers through a global `expect`.
    globals: true,
    setupFiles: ["test/setup.ts"],
    include: ["test/**/*.test.ts"],
    // Synthesizing stacks is CPU-bound; two workers match the CI machine's two cores.
    pool: "forks",
    // Test files share nothing mutable (apps, configs and stacks are built per test), so a
    // worker may keep cdktf and the provider classes loaded between files: 28 s -> 10 s here.
    isolate: false,
    maxWorkers: 2,
    // A whole-environment synth takes 1-2 s alone and several times that on a 2-core machine
    // that is also running an emulated deploy; a limit is for hangs, not a performance test.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
