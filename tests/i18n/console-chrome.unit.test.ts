import { createElement as h, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { actionsColumn, DataTable } from "@/components/console/data-table";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { InfoSection } from "@/components/console/info-section";
import { Pagination } from "@/components/console/pagination";
import { sectionId } from "@/components/console/table-section";
import { catalogs } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

const render = (locale: Locale, element: ReactElement) =>
  renderToStaticMarkup(
    h(NextIntlClientProvider, { locale, messages: catalogs[locale], timeZone: "UTC", children: element }),
  );

describe("the console's shared components speak the page's language", () => {
  it("pagination, the Actions column, Basic Information and the forbidden notice", () => {
    const page = h(Pagination, { page: 2, pageSize: 10, total: 1234, basePath: "/identities/users" });
    expect(render("en", page)).toContain("Total 1,234 · Page 2 of 124");
    expect(render("zh-CN", page)).toContain("共 1,234 条 · 第 2/124 页");
    expect(render("zh-CN", page)).toContain("上一页");

    const table = h(DataTable<{ id: string }>, {
      rows: [{ id: "a" }],
      rowKey: (r) => r.id,
      columns: [actionsColumn("w-32", () => null)],
    });
    expect(render("en", table)).toContain(">Actions</th>");
    expect(render("zh-CN", table)).toContain(">操作</th>");

    expect(render("zh-CN", h(InfoSection, null, null))).toContain(">基本信息</h2>");
    expect(render("zh-CN", h(ForbiddenNotice))).toContain("AliyunRAMReadOnlyAccess");
  });

  it("a section's id keeps its English form and tells two Chinese titles apart", () => {
    expect(sectionId("Trusted Users")).toBe("trusted-users-title");
    expect(sectionId("组成员")).not.toBe(sectionId("权限管理"));
  });

  it("counts are ICU plurals", () => {
    const en = translatorFor("en");
    const zh = translatorFor("zh-CN");
    expect(en("identities.members.added", { count: 1 })).toBe("1 RAM user added.");
    expect(en("identities.members.added", { count: 2 })).toBe("2 RAM users added.");
    expect(zh("identities.members.added", { count: 2 })).toBe("已添加 2 个 RAM 用户。");
    expect(en("console.pickPrincipals.legend", { legend: "RAM users of this account", count: 3 })).toBe(
      "RAM users of this account · 3 selected",
    );
  });
});
