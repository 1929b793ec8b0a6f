import { problemResponses } from "../../../shared/http/problem";
import { referralViewSchema, SCOPES } from "../contract";

/** What intake's route modules (routes/*.ts) share. */
export const problems = problemResponses;

export const tags = ["intake"];
export const staffRead = { type: "jwt", scopes: [SCOPES.read] } as const;
export const staffManage = { type: "jwt", scopes: [SCOPES.manage] } as const;
export const view = (description: string) => ({ 200: { description, schema: referralViewSchema } });
