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

/**
 * A key missing at the top level may come as a string inside `aps` (the FCM-to-APNs path). A value
 * that is not a non-empty string counts as absent.
 */
function readText(extras: Record<string, unknown>, nested: Record<string, unknown> | undefined, key: string): string | undefined {
  const top = extras[key];
  const value = top === undefined && nested !== undefined ? nested[key] : top;
  return isFilled(value) ? value : undefined;
}

function isDictionary(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The tolerant reading, with the same result shape as the generated parser. Never throws. */
export function parsePushExtrasByHand(value: unknown): Parsed {
  if (!isDictionary(value)) return { kind: "invalid", reason: "not an object" };
  const aps = value["aps"];
  const nested = isDictionary(aps) ? aps : undefined;
  const messageType = readText(value, nested, "messageType");
  if (messageType === undefined) return { kind: "invalid", reason: "messageType missing" };
  switch (messageType) {
    case "mtoken.operationInit": {
      const operationId = readText(value, nested, "operationId");
      const operationName = readText(value, nested, "operationName");
      if (operationId === undefined) return { kind: "invalid", reason: "operationId missing" };
      if (operationName === undefined) return { kind: "invalid", reason: "operationName missing" };
      return { kind: "message", message: { messageType, operationId, operationName, activationId: readText(value, nested, "activationId") } };
    }
    case "mtoken.operationFinished": {
      const operationId = readText(value, nested, "operationId");
      const operationName = readText(value, nested, "operationName");
      const result = readText(value, nested, "mtokenOperationResult");
      if (operationId === undefined) return { kind: "invalid", reason: "operationId missing" };
      if (operationName === undefined) return { kind: "invalid", reason: "operationName missing" };
      if (result === undefined) return { kind: "invalid", reason: "mtokenOperationResult missing" };
      const mtokenOperationResult: EnumValue<OperationResult> = isOperationResult(result)
        ? { known: true, value: result, raw: result }
        : { known: false, raw: result };
      return {
        kind: "message",
        message: { messageType, operationId, operationName, activationId: readText(value, nested, "activationId"), mtokenOperationResult },
      };
    }
    case "mtoken.statusChange":
      return { kind: "message", message: { messageType, activationId: readText(value, nested, "activationId") } };
    case "mtoken.inboxMessage.new": {
      const inboxId = readText(value, nested, "inboxId");
      if (inboxId === undefined) return { kind: "invalid", reason: "inboxId missing" };
      return { kind: "message", message: { messageType, inboxId } };
    }
    default:
      return { kind: "unknown", messageType };
  }
}
