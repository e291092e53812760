import { cn } from "@/lib/cn";

/** Looks like Input (components/ui/input.tsx), several lines high. */
const textareaLook =
  "min-h-16 w-full rounded-sm border border-gray-300 bg-white px-2 py-1.5 text-[13px] outline-none focus:border-link aria-invalid:border-red-500";

export function Textarea({ className, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(textareaLook, className)} {...props} />;
}
