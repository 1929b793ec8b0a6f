import { Page } from "../components/page";
import { t } from "../i18n";

export const NoAccessPage = () => (
  <Page title={t.noAccess.title} lead={t.noAccess.lead}>
    <p>{t.noAccess.later}</p>
  </Page>
);

export const NotFoundPage = () => (
  <Page title={t.notFound.title} lead={t.notFound.lead}>
    <p>
      <a href="#/">{t.notFound.home}</a>
    </p>
  </Page>
);
