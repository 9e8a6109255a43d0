import type { ReactNode } from "react";

/**
 * A table wider than a phone scrolls sideways inside this region, never the page. The region is
 * focusable (keyboard users can scroll it) and named, as WCAG and axe's scrollable-region rule ask.
 */
export function TableRegion({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `table-region ${className}` : "table-region"} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
