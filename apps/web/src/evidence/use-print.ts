/**
 * Whether the page is being printed. Charts size themselves in script (recharts measures its
 * box), so a brief draws them shorter for paper only if it knows before the print layout: the
 * print media query covers emulated print and the browser's dialog, and `beforeprint` re-renders
 * synchronously so the dialog's preview already has the paper sizes.
 */
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";

export function usePrintMedia(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia("print").matches);
  useEffect(() => {
    const query = window.matchMedia("print");
    const set = (on: boolean) => flushSync(() => setPrinting(on));
    const onChange = (e: MediaQueryListEvent) => set(e.matches);
    const before = () => set(true);
    const after = () => set(query.matches);
    query.addEventListener("change", onChange);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      query.removeEventListener("change", onChange);
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return printing;
}
