/**
 * Bytes to messages and back, for whole (reassembled) messages without packet headers.
 *
 * <ul>
 *   <li>Client side: {@link io.camrig.proto.codec.RequestEncoder} writes requests,
 *       {@link io.camrig.proto.codec.MessageDecoder} reads what the camera sends.</li>
 *   <li>Camera side (the simulator): {@link io.camrig.proto.codec.RequestDecoder} reads requests,
 *       {@link io.camrig.proto.codec.ResponseEncoder} writes responses and notifications.</li>
 * </ul>
 * Decoders throw only {@link io.camrig.proto.error.MalformedMessageException}, for any input bytes,
 * and turn ids they do not know into {@code Unknown…} values that keep the bytes.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" ("Decipher Message Payload Type", "Message Payload").
 */
package io.camrig.proto.codec;
