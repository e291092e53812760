import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layer rule (README, "Architecture"): imports point one way,
 *   app → lib/{api,mcp,oauth,setup} → lib/{apps,ram,auth,sweep,audit} → db → base
 * where base = lib/{env,errors,cn}.ts, lib/http, lib/crypto, lib/i18n (import nothing of the project).
 * components/ may import components/, lib/client and base only (server components there receive props).
 * `import/no-cycle` forbids cycles inside a layer; type-only imports are not arrows.
 */
const base = ["./lib/env.ts", "./lib/errors.ts", "./lib/cn.ts", "./lib/http", "./lib/crypto", "./lib/i18n"];
const domain = ["./lib/apps", "./lib/ram", "./lib/auth", "./lib/sweep", "./lib/audit.ts"];
const transport = ["./lib/api", "./lib/oauth", "./lib/setup", "./lib/mcp"];
const ui = ["./app", "./components", "./lib/client"];
const zone = (target, from, message) => ({ target, from, message });

export const layerZones = [
  zone(
    base,
    ["./db", ...domain, ...transport, ...ui],
    "Layer rule: base modules (lib/env, lib/errors, lib/cn, lib/http, lib/crypto, lib/i18n) import nothing of the project.",
  ),
  zone(
    "./db",
    [...domain, ...transport, ...ui],
    "Layer rule: db/ may import only base modules (lib/env, lib/crypto, ...), never lib services, app or components.",
  ),
  zone(
    domain,
    [...transport, ...ui],
    "Layer rule: lib/{apps,ram,auth,sweep,audit} may not import lib/{api,oauth,setup}, app or components.",
  ),
  zone(
    ["./lib/oauth"],
    ["./lib/api", "./lib/setup", "./lib/mcp", ...ui],
    "Layer rule: lib/oauth may not import lib/api, lib/setup, lib/mcp, app or components.",
  ),
  zone(
    ["./lib/api"],
    ["./lib/setup", "./lib/mcp", ...ui],
    "Layer rule: lib/api may not import lib/setup, lib/mcp, app or components.",
  ),
  zone(
    ["./lib/mcp"],
    ["./lib/api", "./lib/setup", ...ui],
    "Layer rule: lib/mcp may not import lib/api, lib/setup, app or components (it may use lib/oauth's bearer check).",
  ),
  zone(["./lib/setup"], ["./lib/mcp", ...ui], "Layer rule: lib/setup may not import lib/mcp, app or components."),
  zone(
    "./components",
    ["./db", ...domain, ...transport],
    "Layer rule: components/ may not import db or server lib modules; pass data as props.",
  ),
  zone(
    "./app",
    ["./db"],
    "Layer rule: app/ does not open the database; call a lib read (it takes { actor }) or service.",
  ),
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**", "components/**", "lib/**", "db/**"],
    settings: {
      "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true },
      "import/ignore": ["node_modules"],
    },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": ["error", { zones: layerZones }],
    },
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".tmp-*",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];
export default config;
