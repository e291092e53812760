import { cn } from "@/lib/cn";

export type Variant = "primary" | "secondary" | "danger" | "link";

const variants: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-100 disabled:text-brand-700",
  secondary: "border border-gray-300 bg-white text-gray-800 hover:border-link hover:text-link disabled:text-gray-500",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-200",
  link: "text-link hover:underline disabled:text-gray-500 px-0",
};

/** A button's look, for a link that acts as one (e.g. Create Application, Cancel back to the list). */
export function buttonClass(variant: Variant = "secondary", className?: string): string {
  return cn(
    "inline-flex h-8 items-center justify-center gap-1 rounded-sm px-4 text-[13px] font-medium transition-colors disabled:cursor-not-allowed",
    variants[variant],
    variant === "link" && "h-auto",
    className,
  );
}
