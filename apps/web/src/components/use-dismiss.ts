/**
 * Dismissal of a disclosure panel (filter pickers, the export menu): while it is open, Escape
 * inside it closes it and returns focus to its button; a click or a focus move outside closes
 * it without moving focus. Tab never gets stuck: leaving the panel by keyboard simply closes it.
 */
import { type RefObject, useEffect, useEffectEvent } from "react";

export function useDismiss(
  root: RefObject<HTMLElement | null>,
  open: boolean,
  close: (returnFocus: boolean) => void,
): void {
  const onClose = useEffectEvent(close);
  useEffect(() => {
    const el = root.current;
    if (!open || !el) return;
    const onPointer = (e: PointerEvent) => {
      if (!el.contains(e.target as Node)) onClose(false);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !el.contains(e.relatedTarget)) onClose(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      onClose(true);
    };
    document.addEventListener("pointerdown", onPointer);
    el.addEventListener("focusout", onFocusOut);
    el.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      el.removeEventListener("focusout", onFocusOut);
      el.removeEventListener("keydown", onKey);
    };
  }, [open, root]);
}
