/**
 * The contract written by hand as a zod 4 schema, the way a zod user would: a discriminated union
 * of loose objects (keys that are not ours pass, as transports add them).
 */
import { z } from "zod";

const operationId = z.string().regex(/^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/);
const filled = z.string().min(1);
const operationResult = z.enum([
  "authentication.success",
  "authentication.fail",
  "operation.timeout",
  "operation.canceled",
  "operation.methodNotAvailable",
]);

export const PushExtrasZod = z.discriminatedUnion("messageType", [
  z.looseObject({
    messageType: z.literal("mtoken.operationInit"),
    operationId,
    operationName: filled,
    activationId: filled.optional(),
  }),
  z.looseObject({
    messageType: z.literal("mtoken.operationFinished"),
    operationId,
    operationName: filled,
    activationId: filled.optional(),
    mtokenOperationResult: operationResult,
  }),
  z.looseObject({
    messageType: z.literal("mtoken.statusChange"),
    activationId: filled,
  }),
  z.looseObject({
    messageType: z.literal("mtoken.inboxMessage.new"),
    inboxId: filled,
  }),
]);

export function isPushExtrasZod(value: unknown): boolean {
  return PushExtrasZod.safeParse(value).success;
}
