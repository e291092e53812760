CREATE TABLE "installation_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"setup_completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_account_uid" text NOT NULL,
	CONSTRAINT "installation_state_singleton" CHECK ("installation_state"."id")
);
