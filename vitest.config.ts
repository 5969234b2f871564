import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Some tests compile generated Kotlin and Swift with the real compilers, which takes seconds.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
