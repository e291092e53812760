import { cn } from "@/lib/cn";

const tones = {
  gray: "bg-gray-100 text-gray-700",
  green: "bg-green-50 text-green-700",
  blue: "bg-blue-50 text-blue-700",
  orange: "bg-brand-50 text-brand-700",
  red: "bg-red-50 text-red-700",
};

export function Badge({ tone = "gray", children }: { tone?: keyof typeof tones; children: React.ReactNode }) {
  return (
    <span className={cn("inline-block rounded-sm px-1.5 py-0.5 text-xs whitespace-nowrap", tones[tone])}>
      {children}
    </span>
  );
}
