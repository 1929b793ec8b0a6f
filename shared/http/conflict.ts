import { failedConditions } from "../dynamo";
import { HttpProblem } from "./problem";

/**
 * Runs a transaction whose first item is conditioned on the version the request read. Losing that
 * race to another request is the caller's to retry: a 409, not a 500. `what` names the resource
 * in the answer ("notice", "triage"); any other failure is thrown as it is.
 */
export const conflictOnLostRace = async <T>(what: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (failedConditions(error)?.includes(0)) {
      throw new HttpProblem(
        409,
        `The ${what} changed while this request was handled; try again`,
        undefined,
        "concurrent-change",
      );
    }
    throw error;
  }
};
