import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n";

interface PageProps {
  readonly title: string;
  readonly lead?: string;
  /** Beside the heading: the page's own actions, e.g. "Läs in igen". */
  readonly actions?: ComponentChildren;
  readonly children: ComponentChildren;
}

/**
 * Every page: one h1, the tab's title, and focus on the heading when the page changes, so a screen
 * reader announces where the user arrived (a route change in a single-page app is silent otherwise).
 */
export const Page = ({ title, lead, actions, children }: PageProps) => {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
    if (document.activeElement === document.body || document.activeElement === null) return;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions ? <div class="page-actions">{actions}</div> : null}
      </div>
      {lead ? <p class="lead">{lead}</p> : null}
      {children}
    </>
  );
};
