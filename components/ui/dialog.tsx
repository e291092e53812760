"use client";

import { Dialog as D } from "radix-ui";
import { ModalFrame, type ModalProps } from "./modal-frame";

/** Accessible modal dialog (Radix): focus trap, Escape to close, labelled by its title. */
export function Dialog({
  description,
  children,
  ...frame
}: ModalProps & { description?: React.ReactNode; children?: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <ModalFrame parts={D} width="w-[min(92vw,520px)]" {...frame}>
      <div className="max-h-[70vh] overflow-y-auto px-5 py-4">
        {description ? <D.Description className="mb-3 text-gray-700">{description}</D.Description> : null}
        {children}
      </div>
    </ModalFrame>
  );
}
