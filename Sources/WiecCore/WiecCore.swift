// The domain core of an edition; filled in by issue 4.
