import { problemResponses } from "../../../shared/http/problem";
import { SCOPES } from "../scopes";

/** What intake's route modules (routes/*.ts) share: no schema, so that each builds only its own. */
export const problems = problemResponses;

export const tags = ["intake"];
export const staffRead = { type: "jwt", scopes: [SCOPES.read] } as const;
export const staffManage = { type: "jwt", scopes: [SCOPES.manage] } as const;
