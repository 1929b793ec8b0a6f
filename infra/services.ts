import { hotlineService } from "../services/hotline/service";
import { intakeService } from "../services/intake/service";
import { pilotReportsService } from "../services/pilot-reports/service";
import { releaseNoticesService } from "../services/release-notices/service";
import type { ServiceDefinition } from "../shared/service";

/** Every deployed service. The CDK app, the local runtime and the OpenAPI document read this list. */
export const SERVICE_DEFINITIONS: readonly ServiceDefinition[] = [
  releaseNoticesService,
  intakeService,
  hotlineService,
  pilotReportsService,
];
