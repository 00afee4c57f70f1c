/**
 * Requests as a camera receives them (the simulator's side of the protocol): immutable records
 * behind the sealed {@link io.camrig.proto.request.CameraRequest}, produced by
 * {@link io.camrig.proto.codec.RequestDecoder}.
 */
package io.camrig.proto.request;
