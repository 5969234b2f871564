// How an Android app uses the generated kotlin/PushExtras.kt. In the app's
// FirebaseMessagingService:
//
//     override fun onMessageReceived(message: RemoteMessage) {
//         handlePushExtras(message.data, actions)
//     }
//
// The handling itself needs no Android class, so it is a plain function here and the tests
// compile it against the generated file.
package com.example.app

import com.pushextras.OperationResult
import com.pushextras.PushExtras
import com.pushextras.PushExtrasMessage

/** What the app does about a push; each call only refreshes state that the app fetches itself. */
interface PushActions {
    fun showPendingOperation(operationId: String)
    fun closeOperation(operationId: String, message: String)
    fun refreshRegistrationStatus()
    fun refreshInbox()
    fun refreshAll()
}

fun handlePushExtras(data: Map<String, String>, actions: PushActions) {
    // `when` over the sealed class is exhaustive: a message type added to the spec shows up here
    // as a compile error after regenerating, not as a silently ignored push.
    when (val message = PushExtras.parse(data)) {
        is PushExtrasMessage.OperationInit -> actions.showPendingOperation(message.operationId)
        is PushExtrasMessage.OperationFinished -> {
            val text = when (message.mtokenOperationResult.known) {
                OperationResult.AUTHENTICATION_SUCCESS -> "Approved"
                OperationResult.AUTHENTICATION_FAIL -> "Approval failed"
                OperationResult.OPERATION_TIMEOUT -> "Expired"
                OperationResult.OPERATION_CANCELED -> "Canceled"
                OperationResult.OPERATION_METHOD_NOT_AVAILABLE -> "No longer possible here"
                null -> "Finished" // a result newer than this app: message.mtokenOperationResult.raw
            }
            actions.closeOperation(message.operationId, text)
        }
        is PushExtrasMessage.StatusChange -> actions.refreshRegistrationStatus()
        is PushExtrasMessage.InboxMessageNew -> actions.refreshInbox()
        is PushExtrasMessage.Unknown -> actions.refreshAll() // sent by a newer server
        is PushExtrasMessage.Invalid -> Unit // not ours or broken: message.reason says why
    }
}
