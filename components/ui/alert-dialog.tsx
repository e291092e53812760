"use client";

import { AlertDialog as A } from "radix-ui";

/**
 * A modal that asks to confirm a destructive action (Radix AlertDialog: role="alertdialog", focus starts
 * on Cancel, Escape cancels, a click outside does nothing). `actions` are the buttons beside Cancel.
 */
export function AlertDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  cancel,
  actions,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: React.ReactNode;
  children?: React.ReactNode;
  cancel: React.ReactNode;
  actions: React.ReactNode;
}) {
  return (
    <A.Root open={open} onOpenChange={onOpenChange}>
      <A.Portal>
        <A.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <A.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,480px)] -translate-x-1/2 -translate-y-1/2 rounded-sm bg-white shadow-xl focus:outline-none">
          <div className="border-b border-gray-200 px-5 py-3">
            <A.Title className="text-base font-semibold">{title}</A.Title>
          </div>
          <div className="px-5 py-4">
            <A.Description asChild>
              <div className={children ? "mb-3 text-gray-700" : "text-gray-700"}>{description}</div>
            </A.Description>
            {children}
          </div>
          <div className="flex justify-end gap-2 border-t border-gray-200 px-5 py-3">
            <A.Cancel asChild>{cancel}</A.Cancel>
            {actions}
          </div>
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}
