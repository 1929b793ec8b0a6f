import type { Capabilities } from "./auth/roles";
import type { Claims } from "./auth/session";
import { AuditTrailPage } from "./pages/audit/trail";
import { BoardPage } from "./pages/hotline/board";
import { OnCallPage } from "./pages/hotline/on-call";
import { TriagePage } from "./pages/hotline/triage";
import { CaseworkersPage } from "./pages/intake/caseworkers";
import { ReferralPage } from "./pages/intake/referral";
import { TasksPage } from "./pages/intake/tasks";
import { WorklistPage } from "./pages/intake/worklist";
import { NoAccessPage, NotFoundPage } from "./pages/no-access";
import { IntegratorPage } from "./pages/release/integrator";
import { NoticePage } from "./pages/release/notice";
import { NoticesPage } from "./pages/release/notices";
import { ReportsPage } from "./pages/reports/report";
import { SettingsPage } from "./pages/settings";
import { type Location, match } from "./router";

interface RoutesProps {
  readonly location: Location;
  readonly capabilities: Capabilities;
  readonly claims: Claims;
}

/** Each route and who may see it; the API decides again on every request. */
export const Routes = ({ location, capabilities, claims }: RoutesProps) => {
  const { path, query } = location;
  if (path === "/ingen-behorighet") return <NoAccessPage />;
  if (path === "/arbetslista") {
    return capabilities.intake ? <WorklistPage query={query} claims={claims} /> : <NoAccessPage />;
  }
  const referral = match(path, "/arenden/:id");
  if (referral?.id) {
    return capabilities.intake ? (
      <ReferralPage key={referral.id} id={referral.id} capabilities={capabilities} />
    ) : (
      <NoAccessPage />
    );
  }
  if (path === "/handlaggare") {
    return capabilities.intake ? (
      <CaseworkersPage query={query} canManage={capabilities.intakeManage} />
    ) : (
      <NoAccessPage />
    );
  }
  if (path === "/uppgifter") {
    return capabilities.tasks ? <TasksPage query={query} capabilities={capabilities} /> : <NoAccessPage />;
  }
  if (path === "/jour") return capabilities.hotline ? <BoardPage /> : <NoAccessPage />;
  const triage = match(path, "/jour/triage/:id");
  if (triage?.id)
    return capabilities.hotline ? <TriagePage key={triage.id} id={triage.id} /> : <NoAccessPage />;
  if (path === "/jour/schema") {
    return (capabilities.hotline || capabilities.hotlineAdmin) && claims.municipality ? (
      <OnCallPage municipality={claims.municipality} canEdit={capabilities.hotlineAdmin} />
    ) : (
      <NoAccessPage />
    );
  }
  if (path === "/frigivningar") {
    return capabilities.releaseNotices ? <NoticesPage query={query} /> : <NoAccessPage />;
  }
  const notice = match(path, "/frigivningar/:id");
  if (notice?.id) {
    return capabilities.releaseNotices ? (
      <NoticePage key={notice.id} noticeId={notice.id} canManage={capabilities.releaseManage} />
    ) : (
      <NoAccessPage />
    );
  }
  if (path === "/rapporter") {
    return capabilities.reports ? <ReportsPage query={query} own={claims.municipality} /> : <NoAccessPage />;
  }
  if (path === "/underrattelser") {
    return capabilities.releaseWrite ? <IntegratorPage /> : <NoAccessPage />;
  }
  if (path === "/granskning") {
    return capabilities.audit ? <AuditTrailPage query={query} /> : <NoAccessPage />;
  }
  if (path === "/installningar") {
    return capabilities.settingsAdmin && claims.municipality ? (
      <SettingsPage municipality={claims.municipality} />
    ) : (
      <NoAccessPage />
    );
  }
  if (path === "/") return null;
  return <NotFoundPage />;
};
