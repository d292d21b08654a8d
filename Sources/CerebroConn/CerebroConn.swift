// The library: presets, certificate lookup, connection plans and connections.
