import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { readReport } from "../app/report";
import { CSV_CONTENT_TYPE } from "../contract-terms";
import { reportToCsv, wantsCsv } from "../csv";
import { createDeps, type PilotReportsDeps } from "../deps";
import { reportRoute } from "../routes/report";

export const createHandler = (deps: PilotReportsDeps) =>
  createHttpHandler(reportRoute, deps.logger, async ({ query, caller, headers }) => {
    const report = await readReport(deps, caller, query, deps.clock.now());
    if (wantsCsv(query.format, headers.accept)) {
      return { status: 200, body: reportToCsv(report), headers: { "content-type": CSV_CONTENT_TYPE } };
    }
    return json(200, report);
  });

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
