/**
 * A function that logs an error it caught, bundled as deployed by stack-trace.test.ts: the stack
 * describeError gives must name this file, not the bundle.
 */
import { describeError } from "../../../shared/logger";

const refuse = (): never => {
  throw new Error("the rule says no");
};

export const handler = async (): Promise<ReturnType<typeof describeError>> => {
  try {
    return refuse();
  } catch (error) {
    return describeError(error);
  }
};
