import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { SectionHeading, sectionId } from "./table-section";

/**
 * A detail page's "Basic Information" box: a heading (with an action beside it), then label/value
 * pairs (Fact), in two columns on wide screens when `wide`.
 */
export function InfoSection({
  title: given,
  action,
  wide = false,
  className = "mb-6",
  children,
}: {
  /** "Basic Information" when left out. */
  title?: string;
  action?: React.ReactNode;
  wide?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("console.info");
  const title = given ?? t("basicInformation");
  const id = sectionId(title);
  return (
    <section aria-labelledby={id} className={cn("rounded-sm border border-gray-200 bg-white p-5", className)}>
      <SectionHeading id={id} title={title} action={action} className="mb-3" />
      <dl className={cn("grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2", wide && "lg:grid-cols-[12rem_1fr_12rem_1fr]")}>
        {children}
      </dl>
    </section>
  );
}

/** One label and its value in an InfoSection. */
export function Fact({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-gray-500">{label}</dt>
      <dd className={cn("min-w-0", className)}>{children}</dd>
    </>
  );
}
