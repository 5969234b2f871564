/**
 * The practical limit: a type guard and a tolerant parser written by hand for the contract, the
 * way a careful developer would write them without any generator. One `switch` on the message
 * type, then only the checks that message needs.
 */

const OPERATION_ID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

type OperationResult =
  | "authentication.success"
  | "authentication.fail"
  | "operation.timeout"
  | "operation.canceled"
  | "operation.methodNotAvailable";

function isOperationResult(value: string): value is OperationResult {
  switch (value) {
    case "authentication.success":
    case "authentication.fail":
    case "operation.timeout":
    case "operation.canceled":
    case "operation.methodNotAvailable":
      return true;
    default:
      return false;
  }
}

function isFilled(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function isAbsentOrFilled(value: unknown): boolean {
  return value === undefined || isFilled(value);
}

function isOperationId(value: unknown): boolean {
  return typeof value === "string" && OPERATION_ID.test(value);
}

/** The strict reading: true exactly when the payload is one of the documented messages. */
export function isPushExtrasByHand(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const extras = value as Record<string, unknown>;
  switch (extras["messageType"]) {
    case "mtoken.operationInit":
      return isOperationId(extras["operationId"]) && isFilled(extras["operationName"]) && isAbsentOrFilled(extras["activationId"]);
    case "mtoken.operationFinished": {
      const result = extras["mtokenOperationResult"];
      return (
        isOperationId(extras["operationId"]) &&
        isFilled(extras["operationName"]) &&
        isAbsentOrFilled(extras["activationId"]) &&
        typeof result === "string" &&
        isOperationResult(result)
      );
    }
    case "mtoken.statusChange":
      return isFilled(extras["activationId"]);
    case "mtoken.inboxMessage.new":
      return isFilled(extras["inboxId"]);
    default:
      return false;
  }
}

type EnumValue<T extends string> = { readonly known: true; readonly value: T; readonly raw: string } | { readonly known: false; readonly raw: string };

type Parsed =
  | { readonly kind: "message"; readonly message: { readonly messageType: string } & Readonly<Record<string, unknown>> }
  | { readonly kind: "unknown"; readonly messageType: string }
  | { readonly kind: "invalid"; readonly reason: string };

/** The tolerant reading, with the same result shape as the generated parser. Never throws. */
export function parsePushExtrasByHand(value: unknown): Parsed {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "invalid", reason: "not an object" };
  const extras = value as Record<string, unknown>;
  const aps = extras["aps"];
  const nested = typeof aps === "object" && aps !== null && !Array.isArray(aps) ? (aps as Record<string, unknown>) : undefined;
  // A key missing at the top level may come as a string inside `aps` (the FCM-to-APNs path).
  const read = (key: string): string | undefined => {
    const top = extras[key];
    if (top === undefined && nested !== undefined) {
      const inner = nested[key];
      return isFilled(inner) ? inner : undefined;
    }
    return isFilled(top) ? top : undefined;
  };

  const messageType = read("messageType");
  if (messageType === undefined) return { kind: "invalid", reason: "messageType missing" };
  switch (messageType) {
    case "mtoken.operationInit": {
      const operationId = read("operationId");
      const operationName = read("operationName");
      if (operationId === undefined) return { kind: "invalid", reason: "operationId missing" };
      if (operationName === undefined) return { kind: "invalid", reason: "operationName missing" };
      return { kind: "message", message: { messageType, operationId, operationName, activationId: read("activationId") } };
    }
    case "mtoken.operationFinished": {
      const operationId = read("operationId");
      const operationName = read("operationName");
      const result = read("mtokenOperationResult");
      if (operationId === undefined) return { kind: "invalid", reason: "operationId missing" };
      if (operationName === undefined) return { kind: "invalid", reason: "operationName missing" };
      if (result === undefined) return { kind: "invalid", reason: "mtokenOperationResult missing" };
      const mtokenOperationResult: EnumValue<OperationResult> = isOperationResult(result)
        ? { known: true, value: result, raw: result }
        : { known: false, raw: result };
      return { kind: "message", message: { messageType, operationId, operationName, activationId: read("activationId"), mtokenOperationResult } };
    }
    case "mtoken.statusChange":
      return { kind: "message", message: { messageType, activationId: read("activationId") } };
    case "mtoken.inboxMessage.new": {
      const inboxId = read("inboxId");
      if (inboxId === undefined) return { kind: "invalid", reason: "inboxId missing" };
      return { kind: "message", message: { messageType, inboxId } };
    }
    default:
      return { kind: "unknown", messageType };
  }
}
