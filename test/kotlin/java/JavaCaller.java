// A Java caller of the generated Kotlin: the parser and lookups are static (@JvmStatic), the
// constants are static fields, and the results are plain classes with getters. Prints what it
// sees, one line per check, for test/kotlin.test.ts to compare.
import com.example.app.AndroidExampleKt;
import com.example.app.PushActions;
import com.pushextras.MessageType;
import com.pushextras.OperationResult;
import com.pushextras.PushExtras;
import com.pushextras.PushExtrasKeys;
import com.pushextras.PushExtrasMessage;
import java.util.HashMap;
import java.util.Map;

public final class JavaCaller {
    public static void main(String[] args) {
        Map<String, String> data = new HashMap<>();
        data.put(PushExtrasKeys.MESSAGE_TYPE, MessageType.OPERATION_FINISHED);
        data.put(PushExtrasKeys.OPERATION_ID, "7f3d2a1e-5b6c-4d8e-9f0a-1b2c3d4e5f60");
        data.put(PushExtrasKeys.OPERATION_NAME, "login");
        data.put(PushExtrasKeys.MTOKEN_OPERATION_RESULT, "operation.timeout");
        data.put("google.message_id", "0:1234");

        PushExtrasMessage parsed = PushExtras.parse(data);
        if (parsed instanceof PushExtrasMessage.OperationFinished) {
            PushExtrasMessage.OperationFinished finished = (PushExtrasMessage.OperationFinished) parsed;
            System.out.println("finished " + finished.getOperationId() + " " + finished.getMtokenOperationResult().getKnown()
                + " activation=" + finished.getActivationId());
        } else {
            System.out.println("unexpected " + parsed);
        }

        System.out.println("lookup " + OperationResult.fromValue("authentication.success") + " " + OperationResult.fromValue("error.unknown"));
        System.out.println("null map " + (PushExtras.parse(null) instanceof PushExtrasMessage.Invalid));
        System.out.println("raw map " + PushExtras.parse(rawMapWithNumber()));

        data.put(PushExtrasKeys.MTOKEN_OPERATION_RESULT, "operation.alreadyFailed");
        AndroidExampleKt.handlePushExtras(data, new PrintingActions());
        data.put(PushExtrasKeys.MESSAGE_TYPE, "mtoken.fromTheFuture");
        AndroidExampleKt.handlePushExtras(data, new PrintingActions());
    }

    /** A raw map lets a Java caller put a number where a string belongs; the parser must not throw. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, String> rawMapWithNumber() {
        Map raw = new HashMap();
        raw.put(PushExtrasKeys.MESSAGE_TYPE, MessageType.INBOX_MESSAGE_NEW);
        raw.put(PushExtrasKeys.INBOX_ID, 42);
        return (Map<String, String>) raw;
    }

    private static final class PrintingActions implements PushActions {
        @Override public void showPendingOperation(String operationId) { System.out.println("show " + operationId); }
        @Override public void closeOperation(String operationId, String message) { System.out.println("close " + operationId + ": " + message); }
        @Override public void refreshRegistrationStatus() { System.out.println("refresh registration"); }
        @Override public void refreshInbox() { System.out.println("refresh inbox"); }
        @Override public void refreshAll() { System.out.println("refresh all"); }
    }
}
