DROP INDEX "audit_events_account_time";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "audit_retention_days" integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_type" text DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_login" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "via_client_id" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "app_client_id" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "result" text DEFAULT 'success' NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_account_actor" ON "audit_events" USING btree ("account_id","actor_login","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_action" ON "audit_events" USING btree ("account_id","action","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_app" ON "audit_events" USING btree ("account_id","app_client_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_via" ON "audit_events" USING btree ("account_id","via_client_id","created_at","id") WHERE "audit_events"."via_client_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_events_account_time" ON "audit_events" USING btree ("account_id","created_at","id");