import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { layers } from "./scripts/eslint-layers.js";

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "playwright-report", "vendor", "bench/.tmp"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2023 },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "fhirclient", message: "Only src/fhir/ talks to fhirclient." }], patterns: [{ group: ["fhirclient/*"], message: "Only src/fhir/ talks to fhirclient." }] },
      ],
    },
  },
  {
    // The benchmark's baseline and plain pages imitate the public sample apps, which use fhirclient directly.
    files: ["src/fhir/**", "bench/baseline/**", "bench/plain/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["sandbox/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "oidc-provider", message: "Only sandbox/src/auth/ imports oidc-provider (authServer.ts and the modules it is split into)." }] },
      ],
    },
  },
  {
    files: [
      "sandbox/src/auth/authServer.ts",
      "sandbox/src/auth/providerConfig.ts",
      "sandbox/src/auth/clientPatches.ts",
      "sandbox/src/auth/debugTokens.ts",
      "sandbox/src/auth/tokenResponses.ts",
      "sandbox/src/auth/adapter.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The direction of imports between src/'s layers, and between src/ and sandbox/ (scripts/eslint-layers.js).
    files: ["src/**", "sandbox/**"],
    plugins: { layers },
    rules: { "layers/direction": "error" },
  },
  {
    files: ["src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
