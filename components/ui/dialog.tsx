"use client";

import { Dialog as D } from "radix-ui";

/** Accessible modal dialog (Radix): focus trap, Escape to close, labelled by its title. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: React.ReactNode;
  children?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <D.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,520px)] -translate-x-1/2 -translate-y-1/2 rounded-sm bg-white shadow-xl focus:outline-none">
          <div className="border-b border-gray-200 px-5 py-3">
            <D.Title className="text-base font-semibold">{title}</D.Title>
          </div>
          <div className="max-h-[70vh] overflow-y-auto px-5 py-4">
            {description ? <D.Description className="mb-3 text-gray-700">{description}</D.Description> : null}
            {children}
          </div>
          {footer ? <div className="flex justify-end gap-2 border-t border-gray-200 px-5 py-3">{footer}</div> : null}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
