import { conflict } from "../domain/errors";
import { failedConditions } from "../dynamo";

/**
 * Runs read → decide → commit, where the commit's first transaction item is conditioned on the
 * version that was read. Losing that race to a concurrent request reads again and decides again,
 * up to `attempts` times in all; after that the caller gets a conflict ("try again"), not a 500.
 * `what` names the resource in the answer ("notice", "triage"); any other failure passes through.
 */
export const retryOnLostRace = async <T>(
  what: string,
  attempt: () => Promise<T>,
  options: { readonly attempts?: number } = {},
): Promise<T> => {
  const attempts = Math.max(1, options.attempts ?? 3);
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!failedConditions(error)?.includes(0)) throw error;
      if (i >= attempts) {
        throw conflict(`The ${what} changed while this request was handled; try again`, "concurrent-change");
      }
    }
  }
};
