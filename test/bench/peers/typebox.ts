/**
 * The contract written by hand as a TypeBox 0.34 schema, checked with its ahead-of-time compiled
 * checker (`TypeCompiler`), the fast path TypeBox recommends. TypeBox has no discriminator: a
 * union tries its branches in order.
 */
import { Type } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";

const OperationId = Type.String({ pattern: "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$" });
const Filled = Type.String({ minLength: 1 });
const OperationResult = Type.Union([
  Type.Literal("authentication.success"),
  Type.Literal("authentication.fail"),
  Type.Literal("operation.timeout"),
  Type.Literal("operation.canceled"),
  Type.Literal("operation.methodNotAvailable"),
]);

export const PushExtrasTypeBox = Type.Union([
  Type.Object({
    messageType: Type.Literal("mtoken.operationInit"),
    operationId: OperationId,
    operationName: Filled,
    activationId: Type.Optional(Filled),
  }),
  Type.Object({
    messageType: Type.Literal("mtoken.operationFinished"),
    operationId: OperationId,
    operationName: Filled,
    activationId: Type.Optional(Filled),
    mtokenOperationResult: OperationResult,
  }),
  Type.Object({
    messageType: Type.Literal("mtoken.statusChange"),
    activationId: Filled,
  }),
  Type.Object({
    messageType: Type.Literal("mtoken.inboxMessage.new"),
    inboxId: Filled,
  }),
]);

const compiled = TypeCompiler.Compile(PushExtrasTypeBox);

export function isPushExtrasTypeBox(value: unknown): boolean {
  return compiled.Check(value);
}
