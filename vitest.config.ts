import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // cdktf's Testing.setupJest() registers its matchers through a global `expect`.
    globals: true,
    setupFiles: ["test/setup.ts"],
    include: ["test/**/*.test.ts"],
    // Synthesizing stacks is CPU-bound; two workers match the CI machine's two cores.
    pool: "forks",
    maxWorkers: 2,
  },
});
