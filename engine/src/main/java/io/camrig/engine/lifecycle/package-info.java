/**
 * The lifecycle a camera and a rig share, in reactor-netty's {@code DisposableChannel} style:
 * {@code dispose()} starts closing without waiting, {@code onDispose()} tells when it is done,
 * {@code disposeNow(Duration)} waits (for {@code cli}, examples and tests), {@code close()} is
 * {@code dispose()} for try-with-resources. Depends on nothing else in the engine.
 */
package io.camrig.engine.lifecycle;
