/**
 * Decoded camera messages: immutable records behind the sealed
 * {@link io.camrig.proto.message.CameraMessage}, and parsers for command-specific payloads.
 */
package io.camrig.proto.message;
