/**
 * JSON views of decoded messages and requests (Jackson trees), as {@code camrig decode} prints them:
 * {@link io.camrig.proto.json.MessageJson}.
 */
package io.camrig.proto.json;
