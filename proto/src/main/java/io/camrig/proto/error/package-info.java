/**
 * The error hierarchy: {@link io.camrig.proto.error.CamrigException} with a transient and a
 * permanent branch. Transports and the engine extend it; nothing in camrig throws an untyped
 * exception for bad input.
 */
package io.camrig.proto.error;
