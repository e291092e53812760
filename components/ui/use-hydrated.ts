import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * false in the server's HTML and during hydration, true once React runs the component in the
 * browser (useSyncExternalStore's server snapshot keeps the first client render equal to the HTML).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
