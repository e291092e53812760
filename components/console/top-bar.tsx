"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useMutation } from "@/components/ui/use-mutation";
import { LanguageSwitch } from "./language-switch";
import { MobileNav } from "./mobile-nav";

type Identity = {
  label: string;
  displayName: string;
  kind: "owner" | "user" | "role";
  accountAlias: string;
  accountUid: string;
  roleName: string | null;
};

export function TopBar({ identity, roles }: { identity: Identity; roles: { id: string; name: string }[] }) {
  const { run, error } = useMutation();
  const hydrated = useHydrated();
  const locale = useLocale();
  const language = useTranslations("common.language");
  const brand = useTranslations("common.brand");
  const t = useTranslations("console.topBar");
  const authorizedApps = useTranslations("authorizedApps");
  const path = usePathname();
  const query = useSearchParams().toString();
  const switchRole = (role: { id: string; name: string } | null) =>
    run(
      { url: "/api/v1/session/role", method: role ? "PUT" : "DELETE", body: role ? { roleId: role.id } : undefined },
      { success: role ? t("switchedToRole", { role: role.name }) : t("backToOwnIdentity"), redirectTo: "/" },
    );

  const kindLabel =
    identity.kind === "owner"
      ? t("owner")
      : identity.kind === "role"
        ? t("role", { role: identity.roleName ?? "" })
        : t("ramUser");
  return (
    <header
      // Marks the bar once React has hydrated it: before that its menus do not open, so the
      // end-to-end tests wait for this attribute rather than click too early.
      data-hydrated={hydrated ? "" : undefined}
      className="on-dark flex h-12 items-center justify-between gap-3 bg-[#2d2f33] px-4 whitespace-nowrap text-white"
    >
      <div className="flex shrink-0 items-center gap-3">
        <MobileNav />
        <span aria-hidden className="inline-block h-5 w-5 shrink-0 rounded-sm bg-brand-500" />
        <Link href="/" className="font-semibold">
          <span className="sm:hidden">{brand("short")}</span>
          <span className="hidden sm:inline">{brand("long")}</span>
        </Link>
      </div>
      {error ? (
        <span role="alert" className="min-w-0 truncate text-xs text-red-300" title={error}>
          {error}
        </span>
      ) : null}
      <div className="flex min-w-0 items-center gap-2">
        <LanguageSwitch
          locale={locale}
          back={query ? `${path}?${query}` : path}
          label={language("label")}
          names={{ en: language("en"), "zh-CN": language("zh-CN") }}
          tone="dark"
        />
        <DropdownMenu.Root>
          <DropdownMenu.Trigger
            className="flex min-w-0 items-center gap-2 rounded-sm px-2 py-1 text-left hover:bg-white/10"
            aria-label={t("accountMenu")}
            // Until React runs it, the menu cannot open: say so (components/ui/button.tsx).
            aria-disabled={hydrated ? undefined : true}
          >
            <span className="flex min-w-0 flex-col leading-tight">
              <span data-testid="identity" className="truncate" title={identity.label}>
                {identity.label}
              </span>
              {/* The account line is secondary: on a phone the top bar keeps to one line without it. */}
              <span className="hidden truncate text-xs text-gray-300 sm:block">
                {t("account", { kind: kindLabel, alias: identity.accountAlias, uid: identity.accountUid })}
              </span>
            </span>
            <span aria-hidden>▾</span>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              align="end"
              sideOffset={4}
              className="z-50 min-w-56 rounded-sm border border-gray-200 bg-white py-1 text-gray-800 shadow-lg"
            >
              <DropdownMenu.Label className="px-3 py-1.5 text-xs text-gray-500">
                {identity.displayName}
              </DropdownMenu.Label>
              {identity.kind === "role" ? (
                <DropdownMenu.Item
                  onSelect={() => switchRole(null)}
                  className="cursor-pointer px-3 py-1.5 outline-none data-[highlighted]:bg-gray-100"
                >
                  {t("backTo", { name: identity.label.split("/")[1] ?? identity.label })}
                </DropdownMenu.Item>
              ) : null}
              {roles.map((r) => (
                <DropdownMenu.Item
                  key={r.id}
                  onSelect={() => switchRole(r)}
                  className="cursor-pointer px-3 py-1.5 outline-none data-[highlighted]:bg-gray-100"
                >
                  {t("switchRole", { role: r.name })}
                </DropdownMenu.Item>
              ))}
              <DropdownMenu.Item
                asChild
                className="block cursor-pointer px-3 py-1.5 outline-none data-[highlighted]:bg-gray-100"
              >
                <Link href="/authorized-apps">{authorizedApps("menu")}</Link>
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
              <DropdownMenu.Item
                onSelect={() => signOut({ callbackUrl: "/signin" })}
                className="cursor-pointer px-3 py-1.5 outline-none data-[highlighted]:bg-gray-100"
              >
                {t("signOut")}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </header>
  );
}
