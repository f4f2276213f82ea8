package dev.vigil.generate;

/** A remote host and port. */
record Endpoint(RemoteHost host, int port) {
}
