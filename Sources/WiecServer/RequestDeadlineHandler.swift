import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request is not wholly received, head and body, within `limit` of
/// its first byte. The idle timeout closes a connection that sends nothing; this closes one that
/// sends a byte now and then (a slow body, slowloris), which an idle timer, reset by every piece
/// read, would keep open for ever. A request being answered holds no deadline.
final class RequestDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let limit: TimeAmount
    private var deadline: Scheduled<Void>?
    /// Whether the read now being passed on ended a request: what else it held is not yet known
    /// to begin another.
    private var endedInThisRead = false

    /// A handler that gives each request `limit` to arrive.
    init(limit: TimeAmount) {
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: start(context)
        case .body: break
        case .end:
            stop()
            endedInThisRead = true
        }
        context.fireChannelRead(data)
    }

    /// Bytes read that made no whole part yet begin a request (a head in pieces).
    func channelReadComplete(context: ChannelHandlerContext) {
        if endedInThisRead {
            endedInThisRead = false
        } else {
            start(context)
        }
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    private func start(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        let context = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.value.eventLoop.scheduleTask(in: limit) {
            context.value.close(promise: nil)
        }
    }

    private func stop() {
        deadline?.cancel()
        deadline = nil
    }
}
