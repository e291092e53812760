import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Typed keys and arguments: a missing or misspelt message is a type error (next-intl AppConfig).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
