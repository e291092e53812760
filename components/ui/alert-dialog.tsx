"use client";

import { AlertDialog as A } from "radix-ui";
import { ModalFrame, type ModalProps } from "./modal-frame";

/**
 * A modal that asks to confirm a destructive action (Radix AlertDialog: role="alertdialog", focus starts
 * on Cancel, Escape cancels, a click outside does nothing). `actions` are the buttons beside Cancel.
 */
export function AlertDialog({
  description,
  children,
  cancel,
  actions,
  ...frame
}: ModalProps & {
  description: React.ReactNode;
  children?: React.ReactNode;
  cancel: React.ReactNode;
  actions: React.ReactNode;
}) {
  const footer = (
    <>
      <A.Cancel asChild>{cancel}</A.Cancel>
      {actions}
    </>
  );
  return (
    <ModalFrame parts={A} width="w-[min(92vw,480px)]" footer={footer} {...frame}>
      <div className="px-5 py-4">
        <A.Description asChild>
          <div className={children ? "mb-3 text-gray-700" : "text-gray-700"}>{description}</div>
        </A.Description>
        {children}
      </div>
    </ModalFrame>
  );
}
