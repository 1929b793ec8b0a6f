import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { failedConditions } from "../../../shared/dynamo";
import type { ServiceDeps } from "../../../shared/runtime/service-deps";

/** What the store needs of the service's dependencies. */
export type TableDeps = Pick<ServiceDeps, "doc" | "tableName" | "publisher">;

/** One item by its key, through its parser; undefined when there is none. */
export const readItem = async <T>(
  deps: Pick<TableDeps, "doc" | "tableName">,
  key: Record<string, string>,
  parse: (item: Record<string, unknown> | undefined) => T | undefined,
  options: { readonly consistent: boolean },
): Promise<T | undefined> => {
  const out = await deps.doc.send(
    new GetCommand({ TableName: deps.tableName, Key: key, ConsistentRead: options.consistent }),
  );
  return parse(out.Item);
};

/**
 * Whether a commit failed because something it was conditioned on had changed (a lost race, or a
 * retried request), rather than because storage failed.
 */
export const lostRace = (error: unknown): boolean => (failedConditions(error)?.length ?? 0) > 0;
