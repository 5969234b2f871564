// How an iOS app reads push extras with the generated PushExtras.swift: hand the notification's
// userInfo to PushExtrasMessage.parse(userInfo:) and switch over the result. In an app, call
// pushAction(for:) from application(_:didReceiveRemoteNotification:fetchCompletionHandler:), or
// with response.notification.request.content.userInfo from a UNUserNotificationCenterDelegate.
// (UIKit is left out so that this file also compiles where tests run.)

/// What the app does about a push message.
enum PushAction: Equatable, Sendable {
    case showOperation(id: String)
    case removeOperation(id: String, approved: Bool)
    case refreshRegistrationStatus
    case refreshEverything
    case ignore(reason: String)
}

func pushAction(for userInfo: [AnyHashable: Any]) -> PushAction {
    switch PushExtrasMessage.parse(userInfo: userInfo) {
    case .operationInit(let message):
        return .showOperation(id: message.operationId)
    case .operationFinished(let message):
        // A result the file does not list (servers send some) arrives as .unknown with its raw string.
        let approved = message.mtokenOperationResult == .known(.authenticationSuccess)
        return .removeOperation(id: message.operationId, approved: approved)
    case .statusChange:
        return .refreshRegistrationStatus
    case .unknown(let messageType):
        // A type newer than the file: a hint that something changed on the server.
        print("push: unknown message type \(messageType)")
        return .refreshEverything
    case .invalid(let reason):
        return .ignore(reason: reason)
    default:
        // Messages this app does not act on one by one, and any type the spec adds later: this
        // branch keeps the switch compiling when a regenerated file has more cases.
        return .refreshEverything
    }
}
