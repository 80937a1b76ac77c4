// The event store; filled in by issue 4.
