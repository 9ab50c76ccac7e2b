import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React owns the page. Controls that act through client
 * code start disabled and enable here, so a click that lands before hydration on a slow device is refused visibly
 * instead of silently doing nothing.
 */
export function useHydrated() {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
