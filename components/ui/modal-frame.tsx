import { cn } from "@/lib/cn";

type Slot<P = object> = React.ComponentType<P & { children?: React.ReactNode }>;

/** The Radix parts a modal is drawn with: those of Dialog or of AlertDialog. */
export type ModalParts = {
  Root: Slot<{ open: boolean; onOpenChange: (open: boolean) => void }>;
  Portal: Slot;
  Overlay: Slot<{ className?: string }>;
  Content: Slot<{ className?: string }>;
  Title: Slot<{ className?: string }>;
};

/** What every modal is given: whether it is open, how to close it, and its title (which names it). */
export type ModalProps = { open: boolean; onOpenChange: (open: boolean) => void; title: string };

/**
 * What Dialog and AlertDialog look alike in: the dimmed page, a panel in the middle with the title at
 * its top, the body (`children`), and the row of buttons at its bottom.
 */
export function ModalFrame({
  parts: P,
  open,
  onOpenChange,
  width,
  title,
  footer,
  children,
}: ModalProps & {
  parts: ModalParts;
  /** The panel's width class. */
  width: string;
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <P.Root open={open} onOpenChange={onOpenChange}>
      <P.Portal>
        <P.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <P.Content
          className={cn(
            "fixed top-1/2 left-1/2 z-50 -translate-x-1/2 -translate-y-1/2 rounded-sm bg-white shadow-xl focus:outline-none",
            width,
          )}
        >
          <div className="border-b border-gray-200 px-5 py-3">
            <P.Title className="text-base font-semibold">{title}</P.Title>
          </div>
          {children}
          {footer ? <div className="flex justify-end gap-2 border-t border-gray-200 px-5 py-3">{footer}</div> : null}
        </P.Content>
      </P.Portal>
    </P.Root>
  );
}
