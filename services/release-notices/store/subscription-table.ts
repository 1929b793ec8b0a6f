import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import { parseStored } from "../../../shared/stored-item";
import { subscriptionKey } from "./keys";

/** A client's receiver as stored: the secret only sealed (app/subscriptions.ts). */
export interface StoredSubscription {
  readonly client: string;
  readonly url: string;
  readonly secretSealed: string;
  readonly updatedAt: string;
}

const subscriptionItemSchema = z.object({
  pk: z.string(),
  sk: z.literal("SUBSCRIPTION"),
  client: z.string(),
  url: z.string(),
  secretSealed: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
});

/** The subscriptions in the release-notices table: one item per client, kept until it is deleted. */
export const subscriptionTable = (deps: {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}) => {
  const { doc, tableName } = deps;
  return {
    async read(client: string): Promise<StoredSubscription | undefined> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: subscriptionKey(client) }));
      if (!out.Item) return undefined;
      const {
        pk: _pk,
        sk: _sk,
        ...subscription
      } = parseStored(subscriptionItemSchema, out.Item, "subscription");
      return subscription;
    },
    async put(subscription: StoredSubscription): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...subscriptionKey(subscription.client), ...subscription },
        }),
      );
    },
    /** True when there was one to delete. */
    async delete(client: string): Promise<boolean> {
      const out = await doc.send(
        new DeleteCommand({ TableName: tableName, Key: subscriptionKey(client), ReturnValues: "ALL_OLD" }),
      );
      return out.Attributes !== undefined;
    },
  };
};

export type SubscriptionTable = ReturnType<typeof subscriptionTable>;
