"use client";

import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { cn } from "@/lib/cn";

export type RadioCard = {
  value: string;
  label: string;
  description: React.ReactNode;
  disabled?: boolean;
  /** Before the text (a logo). */
  icon?: React.ReactNode;
  /** After the label (a badge). */
  badge?: React.ReactNode;
  /** A small line under the description. */
  note?: React.ReactNode;
};

/** One choice among cards (Grant Permission, Provision, Application type): the group is named by `legend`. */
export function RadioCards({
  id,
  legend,
  value,
  onValueChange,
  options,
  className,
}: {
  /** Prefix of the legend's and the descriptions' element ids. */
  id: string;
  legend: string;
  value: string;
  onValueChange: (value: string) => void;
  options: RadioCard[];
  /** Classes of the group (a column count). */
  className?: string;
}) {
  return (
    <>
      <p id={`${id}-legend`} className="mb-2 text-gray-600">
        {legend}
      </p>
      <RadioGroup aria-labelledby={`${id}-legend`} value={value} onValueChange={onValueChange} className={className}>
        {options.map((o) => (
          <label
            key={o.value}
            className={cn(
              "flex items-start gap-2 rounded-sm border p-2",
              o.disabled
                ? "border-gray-100 bg-gray-50 text-gray-500"
                : "cursor-pointer border-gray-200 has-[[data-state=checked]]:border-link has-[[data-state=checked]]:bg-blue-50/40",
            )}
          >
            <RadioGroupItem
              value={o.value}
              disabled={o.disabled}
              aria-label={o.label}
              aria-describedby={`${id}-${o.value}`}
              className="mt-0.5"
            />
            {o.icon}
            <span className="flex-1">
              <span className="block font-medium">
                {o.label}
                {o.badge ? <> {o.badge}</> : null}
              </span>
              <span id={`${id}-${o.value}`} className="block text-gray-600">
                {o.description}
              </span>
              {o.note ? <span className="mt-1 block text-xs text-gray-500">{o.note}</span> : null}
            </span>
          </label>
        ))}
      </RadioGroup>
    </>
  );
}
