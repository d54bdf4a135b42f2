import { useEffect, useRef } from 'react';

/**
 * For a button that opens an inline editor and disappears while it is open: when the editor closes,
 * focus goes back to the button instead of being lost to the page.
 */
export function useReturnFocus<T extends HTMLElement>(isOpen: boolean) {
  const trigger = useRef<T>(null);
  const wasOpen = useRef(isOpen);
  useEffect(() => {
    if (wasOpen.current && !isOpen) trigger.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);
  return trigger;
}

/** Focuses the element with this id once, when the component mounts (an editor that just opened). */
export function useFocusOnMount(elementId: string) {
  useEffect(() => {
    document.getElementById(elementId)?.focus();
  }, [elementId]);
}
