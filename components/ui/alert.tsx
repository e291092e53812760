import { cn } from "@/lib/cn";

export function Alert({
  tone = "info",
  children,
  className,
}: {
  tone?: "info" | "error" | "warning" | "success";
  children: React.ReactNode;
  className?: string;
}) {
  const styles = {
    info: "border-blue-200 bg-blue-50 text-blue-900",
    error: "border-red-200 bg-red-50 text-red-800",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
    success: "border-green-200 bg-green-50 text-green-800",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-sm border px-3 py-2", styles, className)}>
      {children}
    </div>
  );
}
