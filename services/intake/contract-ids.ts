/** The ids intake's routes take, apart from the views so that a route that answers none builds none. */
import * as z from "zod/mini";
import { clientIdSchema, entityIdSchema } from "../../shared/events/envelope";

export const referralIdSchema = entityIdSchema;
/** A caseworker's id is the client's own (its identity provider's `sub`): never a personnummer. */
export const caseworkerIdSchema = clientIdSchema;

export const referralParamsSchema = z.object({ id: referralIdSchema });
