CREATE TABLE "mcp_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"client_uri" text DEFAULT '' NOT NULL,
	"redirect_uris" jsonb NOT NULL,
	"application_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refresh_after" timestamp with time zone,
	CONSTRAINT "mcp_clients_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "oauth_version" text DEFAULT '2.0' NOT NULL;--> statement-breakpoint
ALTER TABLE "auth_codes" ADD COLUMN "resource" text;--> statement-breakpoint
ALTER TABLE "auth_codes" ADD COLUMN "mcp_client_id" uuid;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "resource" text;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "mcp_client_id" uuid;--> statement-breakpoint
CREATE INDEX "mcp_clients_created" ON "mcp_clients" USING btree ("created_at");--> statement-breakpoint
-- The official OpenAPI MCP Server is an OAuth 2.1 application (existing databases; db/catalog.ts sets it on new ones).
UPDATE "applications" SET "oauth_version" = '2.1' WHERE "client_id" = '4000000000000000001' AND "official" = true;
