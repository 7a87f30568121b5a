import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "cdktf.out/",
      "cdktf.out.*/",
      ".validate/",
      ".emulate/",
      ".gen/",
      "coverage/",
      "tools/**/fixtures/**/cdktf.out/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Constructs are created for their side effect of joining the tree.
      "no-new": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Provider packages are huge: importing their root costs seconds and hundreds of MB.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@cdktf/provider-aws", message: "Import from @cdktf/provider-aws/lib/<resource> instead." },
            { name: "@cdktf/provider-kubernetes", message: "Import from @cdktf/provider-kubernetes/lib/<resource>." },
            { name: "@cdktf/provider-helm", message: "Import from @cdktf/provider-helm/lib/<resource>." },
          ],
          // cdktf's own modules are public only at its root (docs/decisions.md, "Staying on CDK for Terraform 0.21").
          patterns: [
            {
              group: ["cdktf/lib/*"],
              message: "Non-public cdktf module: import it through modules/shared/cdktf-internals.ts only.",
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts that run inside AWS (the Synthetics canary): CommonJS on Node.js, not this project's TypeScript.
    files: ["modules/canary/script/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", process: "readonly", exports: "writable", module: "writable" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The one file allowed to reach into cdktf's non-public modules.
    files: ["modules/shared/cdktf-internals.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
