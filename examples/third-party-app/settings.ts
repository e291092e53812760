/** Where the demo application runs and which authorization server it trusts (environment, with demo defaults). */
export const settings = {
  port: Number(process.env.DEMO_PORT ?? 8765),
  host: "127.0.0.1",
  issuer: (process.env.RAM_ISSUER ?? "http://localhost:3000").replace(/\/+$/, ""),
  // The seed's demo client "Insight Dashboard" (db/seed.ts DEMO_CLIENT).
  clientId: process.env.DEMO_CLIENT_ID ?? "4071151845732613353",
  clientSecret: process.env.DEMO_CLIENT_SECRET ?? "demo-insight-dashboard-secret-change-me",
  defaultScope: "openid profile aliuid permissions /acs/ram",
};
export const redirectUri = `http://${settings.host}:${settings.port}/callback`;
