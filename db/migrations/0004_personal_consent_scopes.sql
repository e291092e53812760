ALTER TABLE "personal_consents" ADD COLUMN "scopes" jsonb;--> statement-breakpoint
ALTER TABLE "personal_consents" ADD COLUMN "offered_scopes" jsonb;--> statement-breakpoint
-- Consents given before the choice existed accepted everything the installation granted then.
UPDATE "personal_consents" SET "scopes" = "installations"."scopes", "offered_scopes" = "installations"."scopes" FROM "installations" WHERE "installations"."id" = "personal_consents"."installation_id";
